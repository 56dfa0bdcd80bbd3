package app.stempel.store.h2;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.mvstore.type.MetaType;
import org.h2.mvstore.type.ObjectDataType;

import app.stempel.store.DatabaseException;
import app.stempel.store.Fault;
import app.stempel.store.FileCheck;

/**
 * Reads every page of a closed H2 file: every map the file holds (each table's rows, each index, H2's own
 * bookkeeping), every key and value, through H2's own MVStore with the data types the file records for each
 * map. H2 checks each chunk's header and footer checksums and each page's check value (chunk, offset,
 * length) as it reads, and decompresses and decodes every page, so damage to any live page is found, whether
 * or not a query would have touched it. Bytes in space the file no longer uses are never read; H2 itself
 * does not read them either.
 *
 * <p>SQL alone cannot do this: a query reads only the pages of the index it uses, so a damaged page of
 * another index stays hidden until a search happens to need it.
 */
final class PageCheck {

    private PageCheck() {
    }

    /**
     * Reads every page of {@code mvFile}, which no one may have open.
     *
     * @throws DatabaseException with {@link DatabaseException.Reason#CORRUPT} if any page cannot be read
     */
    static FileCheck run(Path mvFile) {
        if (!Files.isRegularFile(mvFile)) {
            return new FileCheck(0, 0);
        }
        String name = null;
        try {
            MVStore store = new MVStore.Builder().fileName(mvFile.toString()).readOnly().open();
            try {
                TransactionStore transactions = new TransactionStore(store, new MetaType<>(null, null),
                        new ObjectDataType(), 0);
                transactions.init();
                Transaction reader = transactions.begin();
                int maps = 0;
                long entries = 0;
                // the undo logs (left by a transaction a crash or a full disk cut short) name the maps they
                // change by id, so every other map is opened first
                List<String> names = new ArrayList<>(store.getMapNames());
                names.sort(Comparator.comparing((String n) -> n.startsWith("undoLog")));
                for (String map : names) {
                    name = map;
                    TransactionMap<Object, Object> m = reader.openMap(map);
                    for (var cursor = m.map.cursor(null); cursor.hasNext();) {
                        cursor.next();
                        cursor.getValue();
                        entries++;
                    }
                    maps++;
                }
                return new FileCheck(maps, entries);
            } finally {
                store.closeImmediately();
            }
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            // H2 reports a damaged page as MVStoreException; bytes that decode into nonsense may also throw
            // whatever the decoder meets (an index out of bounds, a negative size, one of H2's own assertions
            // where those are on): all of it is damage
            Fault fault = Fault.of(e);
            if (fault == Fault.IN_USE || fault == Fault.DISK_FULL) {
                throw new DatabaseException(fault == Fault.IN_USE ? DatabaseException.Reason.IN_USE
                        : DatabaseException.Reason.DISK_FULL, "cannot read " + mvFile + ": " + e.getMessage(), e);
            }
            throw new DatabaseException(DatabaseException.Reason.CORRUPT,
                    mvFile + " is damaged" + (name == null ? "" : " (map " + name + ")") + ": " + e, e);
        }
    }
}
