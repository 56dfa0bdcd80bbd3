package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;

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
 * SHA-256 is not written the same way in H2 and PostgreSQL; it reads the columns by name, as they were at
 * version 10, so later versions of the schema do not change what it does.
 */
public class V10_1__Chain_existing_ledger extends BaseJavaMigration {

    private static final int PAGE = 5_000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        Link prev = Link.START;
        long after = Long.MIN_VALUE;
        try (PreparedStatement page = c.prepareStatement("SELECT id, member_id, card_id, kind, stamps, points, "
                + "rewards, visits, amount_minor, currency, cancels_id, program_id, created_at, till, cashier_id, "
                + "reason, by_owner, carried_first_visit_at, carried_last_visit_at, other_member_id "
                + "FROM ledger_entry WHERE id > ? ORDER BY id FETCH FIRST " + PAGE + " ROWS ONLY");
                PreparedStatement seal = c.prepareStatement(
                        "UPDATE ledger_entry SET prev_id = ?, prev_hash = ?, entry_hash = ? WHERE id = ?")) {
            while (true) {
                page.setLong(1, after);
                int rows = 0;
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        long id = rs.getLong("id");
                        String hash = LedgerChain.hash(content(rs), prev);
                        if (prev.id() == null) {
                            seal.setNull(1, Types.BIGINT);
                            seal.setNull(2, Types.VARCHAR);
                        } else {
                            seal.setLong(1, prev.id());
                            seal.setString(2, prev.hash());
                        }
                        seal.setString(3, hash);
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
                head.setNull(2, Types.VARCHAR);
            } else {
                head.setLong(1, prev.id());
                head.setString(2, prev.hash());
            }
            head.executeUpdate();
        }
    }

    private static Content content(ResultSet rs) throws SQLException {
        return new Content(rs.getLong("member_id"), nullableLong(rs, "card_id"), rs.getString("kind"),
                rs.getInt("stamps"), rs.getInt("points"), rs.getInt("rewards"), rs.getInt("visits"),
                rs.getLong("amount_minor"), rs.getString("currency"), nullableLong(rs, "cancels_id"),
                nullableLong(rs, "program_id"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("till"),
                nullableLong(rs, "cashier_id"), rs.getString("reason"), rs.getBoolean("by_owner"),
                rs.getObject("carried_first_visit_at", OffsetDateTime.class),
                rs.getObject("carried_last_visit_at", OffsetDateTime.class), nullableLong(rs, "other_member_id"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
