package app.stempel.program;

import static app.stempel.store.schema.Tables.PROGRAM;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

import app.stempel.store.Database;
import app.stempel.store.schema.tables.records.ProgramRecord;

/** The reward program's current version, and new versions. */
public final class ProgramService {

    /** Stamps for a reward when the owner has not said otherwise. */
    public static final int DEFAULT_STAMPS_FOR_REWARD = 10;

    private final Database db;
    private final Clock clock;

    public ProgramService(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The version in force, if the shop has set one up. */
    public Optional<Program> current() {
        return db.dsl().selectFrom(PROGRAM).where(PROGRAM.VALID_TO.isNull())
                .orderBy(PROGRAM.VERSION.desc()).limit(1)
                .fetchOptional().map(ProgramService::toProgram);
    }

    /**
     * Starts a new version of a stamp-card program (one stamp per visit, a reward after
     * {@code stampsForReward}); the previous version, if any, ends now.
     */
    public Program startStampCard(int stampsForReward, String rewardDescription, Currency currency) {
        if (stampsForReward < 1 || stampsForReward > 100) {
            throw new IllegalArgumentException("stamps for a reward must be 1 to 100");
        }
        if (rewardDescription == null || rewardDescription.isBlank()) {
            throw new IllegalArgumentException("the reward needs a description");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return db.write(tx -> {
            Integer last = tx.select(PROGRAM.VERSION.max()).from(PROGRAM).fetchOne(0, Integer.class);
            tx.update(PROGRAM).set(PROGRAM.VALID_TO, now).where(PROGRAM.VALID_TO.isNull()).execute();
            ProgramRecord r = tx.insertInto(PROGRAM)
                    .set(PROGRAM.VERSION, last == null ? 1 : last + 1)
                    .set(PROGRAM.VALID_FROM, now)
                    .set(PROGRAM.MODE, "STAMPS")
                    .set(PROGRAM.STAMPS_PER_VISIT, 1)
                    .set(PROGRAM.STAMPS_FOR_REWARD, stampsForReward)
                    .set(PROGRAM.REWARD_DESCRIPTION, rewardDescription.strip())
                    .set(PROGRAM.CURRENCY, currency.getCurrencyCode())
                    .returning()
                    .fetchOne();
            return toProgram(r);
        });
    }

    private static Program toProgram(ProgramRecord r) {
        return new Program(r.getId(), r.getVersion(), r.getStampsPerVisit(), r.getAmountPerStamp(),
                r.getStampsForReward(), r.getRewardDescription(), Currency.getInstance(r.getCurrency()));
    }
}
