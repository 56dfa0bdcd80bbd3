package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import app.stempel.ledger.LedgerChain;
import app.stempel.ledger.LedgerChain.Content;
import app.stempel.ledger.LedgerChain.Link;

/**
 * Chains the entries a shop wrote before version 10 (see {@code V10__ledger_chain.sql}), oldest first, and
 * sets the chain's head, in the upgrade's own transaction: an upgraded shop passes the integrity check
 * at once, and a shop whose upgrade stopped half-way is as it was. On a new shop there is nothing to
 * chain. It lives in Flyway's package for Java migrations, beside the SQL ones on the class path, because
 * SHA-256 is not written the same way in H2 and PostgreSQL; it reads only the columns the hash covers, by
 * name, so columns added by later versions do not disturb it.
 */
public class V10_1__Chain_existing_ledger extends BaseJavaMigration {

    private static final int PAGE = 5_000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        Link prev = Link.START;
        long after = Long.MIN_VALUE;
        LedgerChain.Hasher hasher = new LedgerChain.Hasher();
        try (PreparedStatement page = c.prepareStatement("SELECT id, " + LedgerChain.CONTENT_COLUMNS
                + " FROM ledger_entry WHERE id > ? ORDER BY id FETCH FIRST " + PAGE + " ROWS ONLY");
                PreparedStatement seal = c.prepareStatement(
                        "UPDATE ledger_entry SET prev_id = ?, prev_hash = ?, entry_hash = ? WHERE id = ?")) {
            while (true) {
                page.setLong(1, after);
                int rows = 0;
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        long id = rs.getLong("id");
                        byte[] hash = hasher.hash(Content.read(rs), prev);
                        if (prev.id() == null) {
                            seal.setNull(1, Types.BIGINT);
                            seal.setNull(2, Types.VARBINARY);
                        } else {
                            seal.setLong(1, prev.id());
                            seal.setBytes(2, prev.hash());
                        }
                        seal.setBytes(3, hash);
                        seal.setLong(4, id);
                        seal.addBatch();
                        prev = new Link(id, hash);
                        after = id;
                    }
                }
                if (rows == 0) {
                    break;
                }
                seal.executeBatch();
            }
        }
        try (PreparedStatement head = c.prepareStatement("UPDATE ledger_head SET last_id = ?, last_hash = ? WHERE id = 1")) {
            if (prev.id() == null) {
                head.setNull(1, Types.BIGINT);
                head.setNull(2, Types.VARBINARY);
            } else {
                head.setLong(1, prev.id());
                head.setBytes(2, prev.hash());
            }
            head.executeUpdate();
        }
    }
}
