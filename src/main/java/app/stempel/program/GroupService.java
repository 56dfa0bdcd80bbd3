package app.stempel.program;

import static app.stempel.store.schema.Tables.MEMBER;
import static app.stempel.store.schema.Tables.MEMBER_GROUP;
import static org.jooq.impl.DSL.count;

import java.util.List;
import java.util.Objects;

import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;
import app.stempel.owner.OwnerGate;
import app.stempel.store.Database;

/**
 * Groups of members with their own stamp multiplier (staff 0×, student 1.5×). Reading is for everyone;
 * changing a group is owner only.
 */
public final class GroupService {

    /** Highest multiplier a group may have, in per mille (10×). */
    public static final int MAX_PERMILLE = 10_000;

    /** A group, its multiplier in per mille (1500 = 1.5×) and how many members it has. */
    public record Group(long id, String name, int multiplierPermille, int members) {
    }

    /** Why a group could not be saved. */
    public static final class GroupException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** What was wrong. */
        public enum Reason { NAME_EMPTY, NAME_TAKEN, MULTIPLIER }

        private final Reason reason;

        public GroupException(Reason reason) {
            super("group not saved: " + reason);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private final Database db;
    private final OwnerGate gate;

    public GroupService(Database db, OwnerGate gate) {
        this.db = Objects.requireNonNull(db);
        this.gate = Objects.requireNonNull(gate);
    }

    /** Every group by name, with its member count. */
    @Role(Who.TILL)
    public List<Group> groups() {
        return db.dsl().select(MEMBER_GROUP.ID, MEMBER_GROUP.NAME, MEMBER_GROUP.MULTIPLIER_PERMILLE, count(MEMBER.ID))
                .from(MEMBER_GROUP).leftJoin(MEMBER).on(MEMBER.GROUP_ID.eq(MEMBER_GROUP.ID))
                .groupBy(MEMBER_GROUP.ID, MEMBER_GROUP.NAME, MEMBER_GROUP.MULTIPLIER_PERMILLE)
                .orderBy(MEMBER_GROUP.NAME)
                .fetch(r -> new Group(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Owner only: a new group. */
    @Role(Who.OWNER)
    public Group add(String name, int multiplierPermille) {
        gate.require();
        String clean = check(name, multiplierPermille, null);
        long id = db.write(tx -> tx.insertInto(MEMBER_GROUP)
                .set(MEMBER_GROUP.NAME, clean)
                .set(MEMBER_GROUP.MULTIPLIER_PERMILLE, multiplierPermille)
                .returning(MEMBER_GROUP.ID).fetchOne(MEMBER_GROUP.ID));
        return find(id);
    }

    /** Owner only: a group's new name and multiplier. */
    @Role(Who.OWNER)
    public Group update(long id, String name, int multiplierPermille) {
        gate.require();
        String clean = check(name, multiplierPermille, id);
        int n = db.write(tx -> tx.update(MEMBER_GROUP)
                .set(MEMBER_GROUP.NAME, clean)
                .set(MEMBER_GROUP.MULTIPLIER_PERMILLE, multiplierPermille)
                .where(MEMBER_GROUP.ID.eq(id)).execute());
        if (n != 1) {
            throw new IllegalArgumentException("no group " + id);
        }
        return find(id);
    }

    /** Owner only: removes a group; its members keep their history and earn at 1× from now on. */
    @Role(Who.OWNER)
    public void remove(long id) {
        gate.require();
        db.write(tx -> {
            tx.update(MEMBER).set(MEMBER.GROUP_ID, (Long) null).where(MEMBER.GROUP_ID.eq(id)).execute();
            return tx.deleteFrom(MEMBER_GROUP).where(MEMBER_GROUP.ID.eq(id)).execute();
        });
    }

    private Group find(long id) {
        return groups().stream().filter(g -> g.id() == id).findFirst().orElseThrow();
    }

    private String check(String name, int permille, Long self) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new GroupException(GroupException.Reason.NAME_EMPTY);
        }
        if (permille < 0 || permille > MAX_PERMILLE) {
            throw new GroupException(GroupException.Reason.MULTIPLIER);
        }
        var same = db.dsl().select(MEMBER_GROUP.ID).from(MEMBER_GROUP).where(MEMBER_GROUP.NAME.equalIgnoreCase(clean));
        if (self != null) {
            same = same.and(MEMBER_GROUP.ID.ne(self));
        }
        if (db.dsl().fetchExists(same)) {
            throw new GroupException(GroupException.Reason.NAME_TAKEN);
        }
        return clean;
    }
}
