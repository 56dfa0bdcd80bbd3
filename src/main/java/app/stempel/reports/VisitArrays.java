package app.stempel.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.stempel.ledger.Ledger;
import app.stempel.store.Database;

/**
 * Every visit of the shop in plain arrays, read straight from the ledger (not from the summaries): the
 * benchmark's reference for the dashboard, and a check that the summaries agree with the ledger. Visits
 * follow the same rules as {@link ReportSummary}: STAMP, POINTS and IMPORT entries with visits that
 * nothing undid or voided, a merged member's visits counted as the person they were merged into.
 */
public final class VisitArrays implements ReportService.Persons {

    private final long[] ids;
    private final long[] spend;
    /** days of person i: days[offsets[i] .. offsets[i + 1]), sorted */
    private final int[] offsets;
    private final int[] days;

    private VisitArrays(long[] ids, long[] spend, int[] offsets, int[] days) {
        this.ids = ids;
        this.spend = spend;
        this.offsets = offsets;
        this.days = days;
    }

    /** Reads the ledger into arrays (slow on a big shop: this is the loading, not the computation). */
    public static VisitArrays load(Database db, ZoneId zone) {
        Merges merges = new Merges(db.dsl());
        return db.dsl().connectionResult(c -> load(c, merges, zone));
    }

    private static VisitArrays load(Connection c, Merges merges, ZoneId zone) throws SQLException {
        // first pass: visits per member, so the days can go straight to their place (one array of days,
        // nothing grown or copied: ten million visits fit in -Xmx256m)
        Map<Long, Integer> index = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT e.member_id, SUM(e.visits) FROM ledger_entry e " + VISITS
                + " GROUP BY e.member_id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long person = merges.person(rs.getLong(1));
                Integer p = index.get(person);
                if (p == null) {
                    p = ids.size();
                    index.put(person, p);
                    ids.add(person);
                    counts.add(0);
                }
                counts.set(p, counts.get(p) + rs.getInt(2));
            }
        }
        int persons = ids.size();
        int[] offsets = new int[persons + 1];
        for (int p = 0; p < persons; p++) {
            offsets[p + 1] = offsets[p] + counts.get(p);
        }
        int[] fill = Arrays.copyOf(offsets, persons);
        int[] grouped = new int[offsets[persons]];
        long[] spend = new long[persons];
        try (PreparedStatement ps = c.prepareStatement("SELECT e.member_id, e.created_at, e.amount_minor, e.visits "
                + "FROM ledger_entry e " + VISITS)) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int p = index.get(merges.person(rs.getLong(1)));
                    spend[p] += rs.getLong(3);
                    int d = (int) rs.getObject(2, OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate().toEpochDay();
                    for (int v = rs.getInt(4); v > 0; v--) {
                        grouped[fill[p]++] = d;
                    }
                }
            }
        }
        for (int p = 0; p < persons; p++) {
            Arrays.sort(grouped, offsets[p], offsets[p + 1]);
        }
        return new VisitArrays(ids.stream().mapToLong(Long::longValue).toArray(), spend, offsets, grouped);
    }

    /** The visits the reports count: stampings, points visits and imported purchases that nothing cancelled. */
    private static final String VISITS = "WHERE e.kind IN ('STAMP', 'POINTS', 'IMPORT') AND e.visits > 0 "
            + "AND " + Ledger.notCancelledSql("e");

    public int persons() {
        return ids.length;
    }

    public int visits() {
        return days.length;
    }

    @Override
    public void forEach(ReportService.PersonVisits visitor) {
        int[] buffer = new int[256];
        for (int p = 0; p < ids.length; p++) {
            int n = offsets[p + 1] - offsets[p];
            if (n > buffer.length) {
                buffer = new int[n];
            }
            System.arraycopy(days, offsets[p], buffer, 0, n);
            visitor.accept(ids[p], buffer, n, spend[p]);
        }
    }
}
