package app.stempel.reports;

import static app.stempel.store.schema.Tables.MEMBER;

import java.util.HashMap;
import java.util.Map;

import org.jooq.DSLContext;

/**
 * Which person a member's visits belong to: a member merged into another counts as the end of their
 * chain of merges ({@code member.merged_into}), as the reports define it.
 */
final class Merges {

    private final Map<Long, Long> into = new HashMap<>();

    /** The merges as they stand in {@code db}. */
    Merges(DSLContext db) {
        db.select(MEMBER.ID, MEMBER.MERGED_INTO).from(MEMBER).where(MEMBER.MERGED_INTO.isNotNull())
                .forEach(r -> into.put(r.value1(), r.value2()));
    }

    /** The person whose visits {@code member}'s are. */
    long person(long member) {
        long who = member;
        for (int hops = 0; into.containsKey(who) && hops < 1_000; hops++) {
            who = into.get(who);
        }
        return who;
    }
}
