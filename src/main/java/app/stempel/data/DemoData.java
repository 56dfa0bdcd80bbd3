package app.stempel.data;

import static app.stempel.store.schema.Tables.CARD;
import static app.stempel.store.schema.Tables.CASHIER;
import static app.stempel.store.schema.Tables.MEMBER;
import static app.stempel.store.schema.Tables.MEMBER_GROUP;
import static app.stempel.store.schema.Tables.PROGRAM;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.stempel.owner.OwnerGate;
import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;
import app.stempel.cards.CardNumbers;
import app.stempel.data.DemoNames.Person;
import app.stempel.data.VisitModel.Group;
import app.stempel.data.VisitModel.Plan;
import app.stempel.ledger.LedgerBatch;
import app.stempel.ledger.LedgerChain;
import app.stempel.search.SearchText;
import app.stempel.store.Database;
import app.stempel.store.ExplicitIds;
import app.stempel.core.EntryKind;

/**
 * Fills an empty shop with a believable history: cashiers, a stamp program, member groups, members
 * with Polish, Norwegian, Russian and English names, one active card each, and years of visits and
 * redeemed rewards whose balances agree with the ledger to the last stamp.
 *
 * <p>Built for size: members are generated one after another and written straight away in JDBC
 * batches with explicit ids, so a chain of 200,000 members and 10,000,000 visits never sits in
 * memory. Everything follows from the seed: the same settings and clock give the same shop.
 */
public final class DemoData {

    /**
     * What to build.
     *
     * @param members how many members, at least 1
     * @param years   how many years of history before the clock's now, at least 1
     * @param seed    the seed everything is drawn from
     * @param visits  the total number of visits to aim at, or null for the natural rhythm of a café
     * @param currency ISO 4217 code of the program and the purchase amounts
     * @param force   add to a shop that already has members
     * @param reward  what the demo program's full card gives, in the shop's language ("Free coffee" if null)
     */
    public record Settings(int members, int years, long seed, Long visits, String currency, boolean force,
            String reward) {

        public Settings(int members, int years, long seed, Long visits, String currency, boolean force) {
            this(members, years, seed, visits, currency, force, null);
        }

        public Settings {
            reward = reward == null || reward.isBlank() ? REWARD : reward.strip();
            if (members < 1) {
                throw new IllegalArgumentException("members must be at least 1, not " + members);
            }
            if (years < 1 || years > MAX_YEARS) {
                throw new IllegalArgumentException("years must be between 1 and " + MAX_YEARS + ", not " + years);
            }
            if (visits != null && visits < 1) {
                throw new IllegalArgumentException("visits must be at least 1, not " + visits);
            }
            Objects.requireNonNull(currency, "currency");
            currency = currency.strip().toUpperCase(Locale.ROOT);
            if (!currency.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException("currency must be a three-letter code such as PLN, not " + currency);
            }
            try {
                Currency.getInstance(currency);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown currency " + currency, e);
            }
        }

    }

    /**
     * Reports how far the work has got; called from the working thread after each batch. Early members
     * have longer histories than late ones, so the visits tell the share of work done better than the
     * members; {@code visitsExpected} is an estimate and may be passed a little.
     */
    @FunctionalInterface
    public interface Progress {
        void update(long membersDone, long membersTotal, long visitsDone, long visitsExpected);
    }

    /** What was written. */
    public record Result(int members, long visits, long redemptions, long rows, double visitScale) {
    }

    /** The shop already has members and {@link Settings#force()} was not set. */
    public static final class NotEmptyException extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        private final int members;

        NotEmptyException(int members) {
            super("the shop already has " + members + " members; demo data goes into an empty shop");
            this.members = members;
        }

        public int members() {
            return members;
        }
    }

    /** Most years of history a demo can have. */
    public static final int MAX_YEARS = 50;

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private static final int BATCH = 10_000;
    private static final int COMMIT_EVERY = 5;
    private static final double GROWTH = 1.5;
    private static final int SAMPLE = 50_000;
    private static final double TOLERANCE = 0.02;
    private static final int STAMPS_FOR_REWARD = 10;
    private static final long STAMP_VALUE_PLN = 150;
    private static final long TYPICAL_SPEND_PLN = 1650;
    private static final String REWARD = "Free coffee";
    private static final List<String> CASHIERS = List.of("Anna Kowalczyk", "Marek Zieliński", "Ingrid Haugen",
            "Ольга Смирнова");
    private static final Map<String, Double> PRICE_LEVEL = Map.ofEntries(Map.entry("PLN", 1.0),
            Map.entry("EUR", 0.23), Map.entry("USD", 0.25), Map.entry("GBP", 0.2), Map.entry("CHF", 0.22),
            Map.entry("NOK", 2.7), Map.entry("SEK", 2.7), Map.entry("DKK", 1.7), Map.entry("CZK", 5.8),
            Map.entry("HUF", 0.9), Map.entry("RUB", 23.0), Map.entry("UAH", 10.0));

    private static final long STREAM_ENROL = -1;
    private static final long STREAM_CARDS = -2;
    private static final int STREAM_PROFILE = 0;
    private static final int STREAM_TIMES = 1;
    private static final int STREAM_DETAILS = 2;
    private static final int STREAM_SURVEY = 3;
    /** The counter offers the quick survey again after this many days (the app's default). */
    private static final int SURVEY_EVERY_DAYS = 90;

    /**
     * The ledger's time index, as the migration creates it. Kept up to date row by row it costs most of
     * the load (visits arrive member by member, so their times land all over it); built once at the end
     * it costs a sort.
     */
    private static final String TIME_INDEX = "ledger_created_idx";
    private static final String CREATE_TIME_INDEX = "CREATE INDEX IF NOT EXISTS " + TIME_INDEX
            + " ON ledger_entry (created_at)";

    private static final String INSERT_MEMBER = "INSERT INTO member (id, display_name, search_name, phone, "
            + "phone_reversed, email, search_email, birthday, birthday_set_at, marketing_consent, group_id, status, "
            + "enrolled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)";
    private static final String INSERT_SURVEY = "INSERT INTO survey_answer (member_id, score, answered_at, till, "
            + "cashier_id) VALUES (?, ?, ?, ?, ?)";
    private static final String INSERT_SEARCH = "INSERT INTO member_search (term, member_id) VALUES (?, ?)";
    private static final String INSERT_CARD = "INSERT INTO card (id, card_number, member_id, active_member_id, "
            + "status, issued_at) VALUES (?, ?, ?, ?, 'ACTIVE', ?)";

    private final OwnerGate owner;
    private final Database db;
    private final Clock clock;

    /** @param owner asked first: a demo fills an empty shop being set up, or the owner's (the command line) */
    public DemoData(Database db, Clock clock, OwnerGate owner) {
        this.db = Objects.requireNonNull(db);
        this.clock = Objects.requireNonNull(clock);
        this.owner = Objects.requireNonNull(owner);
    }

    /**
     * Builds the demo shop and puts it on the disk.
     *
     * @throws NotEmptyException        if the shop has members and {@code force} is not set
     * @throws IllegalArgumentException if the number of visits cannot be reached with these members
     */
    @Role(Who.OWNER)
    public Result fill(Settings settings, Progress progress) {
        owner.require();
        Objects.requireNonNull(settings);
        Objects.requireNonNull(progress);
        int existing = db.dsl().fetchCount(MEMBER);
        if (existing > 0 && !settings.force()) {
            throw new NotEmptyException(existing);
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        ShopCalendar calendar = new ShopCalendar(today.minusYears(settings.years()), today, now.toLocalTime());
        Population population = new Population(settings, calendar);
        double scale = settings.visits() == null ? 1.0 : population.scaleFor(settings.visits());
        long expected = settings.visits() == null ? population.estimate(scale) : settings.visits();
        Setup setup = setUp(settings, calendar, now.getZone());
        long start = System.nanoTime();
        Result result;
        try {
            result = db.dsl().connectionResult(c -> new Load(c, settings, population, setup, scale,
                    progress, expected).run());
            db.dsl().execute(CREATE_TIME_INDEX); // a no-op unless the load's connection could not restore it
            db.syncToDisk();
        } catch (RuntimeException e) {
            // the members committed so far stay, whole; the index dropped for the load comes back if it can
            try {
                db.dsl().execute(CREATE_TIME_INDEX);
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("Demo data: {} members, {} visits, {} redemptions, {} rows in {} s ({} rows/s)", result.members(),
                result.visits(), result.redemptions(), result.rows(), String.format(Locale.ROOT, "%.1f", seconds),
                Math.round(result.rows() / Math.max(seconds, 1e-3)));
        return result;
    }

    private static SplittableRandom stream(long seed, long member, int purpose) {
        return new SplittableRandom(mix(mix(seed) ^ (member * 3 + purpose)));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The members' enrolment days and plans, reproducible member by member from the seed. */
    private static final class Population {
        private final long seed;
        private final ShopCalendar calendar;
        private final VisitModel model;
        private final long[] enrolDays;

        Population(Settings settings, ShopCalendar calendar) {
            this.seed = settings.seed();
            this.calendar = calendar;
            this.model = new VisitModel(calendar);
            SplittableRandom r = stream(seed, STREAM_ENROL, 0);
            long span = calendar.today() - calendar.firstDay() + 1;
            double[] x = new double[settings.members()];
            for (int i = 0; i < x.length; i++) {
                double u = r.nextDouble();
                x[i] = (-1 + Math.sqrt(1 + 2 * GROWTH * u * (1 + GROWTH / 2))) / GROWTH;
            }
            Arrays.sort(x);
            this.enrolDays = new long[x.length];
            for (int i = 0; i < x.length; i++) {
                enrolDays[i] = calendar.firstDay() + Math.min(span - 1, (long) (x[i] * span));
            }
        }

        int size() {
            return enrolDays.length;
        }

        /** The random stream of member {@code i}'s visit times; its plan comes first. */
        SplittableRandom times(int i) {
            return stream(seed, i, STREAM_TIMES);
        }

        Plan plan(int i, SplittableRandom times) {
            return model.plan(enrolDays[i], times);
        }

        int visits(Plan plan, double scale, SplittableRandom times, VisitModel.VisitSink sink) {
            return model.visits(plan, scale, times, sink);
        }

        /** The rate multiplier that gives about {@code target} visits, found on a sample of members. */
        double scaleFor(long target) {
            int stride = Math.max(1, size() / SAMPLE);
            int sampled = (size() + stride - 1) / stride;
            double wanted = (double) target * sampled / size();
            long fixed = count(stride, 0);
            if (wanted < fixed * (1 + TOLERANCE)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%,d visits are too few for %,d members: it takes at least about %,d", target, size(),
                        Math.round(fixed * (double) size() / sampled * (1 + TOLERANCE))));
            }
            double scale = 1.0;
            long got = count(stride, scale);
            for (int i = 0; i < 12 && Math.abs(got - wanted) > wanted * TOLERANCE / 4; i++) {
                if (got <= fixed) {
                    scale *= 4;
                } else {
                    scale *= (wanted - fixed) / (got - fixed);
                }
                got = count(stride, scale);
            }
            if (Math.abs(got - wanted) > wanted * TOLERANCE) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%,d visits are too many for %,d members over %d days: at most about %,d", target, size(),
                        calendar.today() - calendar.firstDay() + 1, Math.round(got * (double) size() / sampled)));
            }
            return scale;
        }

        /** About how many visits {@code scale} gives, from the same sample. */
        long estimate(double scale) {
            int stride = Math.max(1, size() / SAMPLE);
            int sampled = (size() + stride - 1) / stride;
            return Math.round(count(stride, scale) * (double) size() / sampled);
        }

        private long count(int stride, double scale) {
            long total = 0;
            for (int i = 0; i < size(); i += stride) {
                SplittableRandom r = times(i);
                Plan p = plan(i, r);
                total += visits(p, scale, r, (d, s) -> { });
            }
            return total;
        }
    }

    /** Rows every demo member refers to. */
    private record Setup(ZoneId zone, long[] cashierIds, long programId, String currency, int stampsForReward,
            Long[] groupIds, int[] groupPermille) {
    }

    private Setup setUp(Settings settings, ShopCalendar calendar, ZoneId zone) {
        OffsetDateTime opened = LocalDate.ofEpochDay(calendar.firstDay()).atStartOfDay(zone).toOffsetDateTime();
        long stampValue = Math.round(STAMP_VALUE_PLN * priceLevel(settings.currency()));
        return db.dsl().transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            List<Long> cashiers = tx.select(CASHIER.ID).from(CASHIER).where(CASHIER.ACTIVE.isTrue())
                    .orderBy(CASHIER.ID).fetch(CASHIER.ID);
            if (cashiers.isEmpty()) {
                for (String name : CASHIERS) {
                    cashiers.add(tx.insertInto(CASHIER).set(CASHIER.NAME, name)
                            .set(CASHIER.CREATED_AT, opened.plusHours(7))
                            .returning(CASHIER.ID).fetchOne(CASHIER.ID));
                }
            }
            var program = tx.selectFrom(PROGRAM).where(PROGRAM.VALID_TO.isNull()).fetchOne();
            if (program == null) {
                program = tx.newRecord(PROGRAM);
                program.setVersion(1 + tx.select(DSL.coalesce(DSL.max(PROGRAM.VERSION), 0)).from(PROGRAM)
                        .fetchOne().value1());
                program.setValidFrom(opened);
                program.setMode("STAMPS");
                program.setStampsPerVisit(1);
                program.setStampsForReward(STAMPS_FOR_REWARD);
                program.setRewardDescription(settings.reward());
                program.setStampValueMinor(stampValue);
                program.setCurrency(settings.currency());
                program.setCreatedBy("demo");
                program.store();
            }
            Long[] groupIds = new Long[Group.values().length];
            int[] permille = new int[Group.values().length];
            permille[Group.NONE.ordinal()] = Group.NONE.permille;
            for (Group g : List.of(Group.STAFF, Group.STUDENT)) {
                String name = g == Group.STAFF ? "Staff" : "Student";
                var row = tx.selectFrom(MEMBER_GROUP).where(MEMBER_GROUP.NAME.eq(name)).fetchOne();
                if (row == null) {
                    row = tx.newRecord(MEMBER_GROUP);
                    row.setName(name);
                    row.setMultiplierPermille(g.permille);
                    row.store();
                }
                groupIds[g.ordinal()] = row.getId();
                permille[g.ordinal()] = row.getMultiplierPermille();
            }
            return new Setup(zone, cashiers.stream().mapToLong(Long::longValue).toArray(), program.getId(),
                    program.getCurrency(), program.getStampsForReward(), groupIds, permille);
        });
    }

    private static double priceLevel(String currency) {
        double level = PRICE_LEVEL.getOrDefault(currency, 1.0);
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return digits == 2 ? level : level * Math.pow(10, digits - 2);
    }

    /** One run of the bulk load on one connection. */
    private final class Load {
        private final Connection connection;
        private final Settings settings;
        private final Population population;
        private final Setup setup;
        private final double scale;
        private final Progress progress;
        private final long expectedVisits;
        private final DemoNames names = new DemoNames();
        private final Set<String> cardNumbersIssued = new HashSet<>();
        private final CardNumbers cardNumbers;
        private final double priceLevel;
        private final long spendStep;

        private PreparedStatement memberInsert;
        private PreparedStatement searchInsert;
        private PreparedStatement cardInsert;
        private PreparedStatement surveyInsert;
        /** The entries and balances, written through the ledger. */
        private LedgerBatch ledger;
        private int pendingMembers;
        private int membersDone;
        private long committedRows;
        private long visits;
        private long redemptions;
        private long rows;

        private long memberId;
        private long cardId;
        private int permille;
        private long typicalSpend;
        private SplittableRandom details;
        private SplittableRandom survey;
        private double fondness;
        private long lastSurveyDay;
        private int stamps;
        private int rewards;
        private int memberVisits;
        private long spend;
        private OffsetDateTime firstVisit;
        private OffsetDateTime lastVisit;

        Load(Connection connection, Settings settings, Population population, Setup setup, double scale,
                Progress progress, long expectedVisits) {
            this.connection = connection;
            this.settings = settings;
            this.population = population;
            this.setup = setup;
            this.scale = scale;
            this.progress = progress;
            this.expectedVisits = expectedVisits;
            this.cardNumbers = new CardNumbers(stream(settings.seed(), STREAM_CARDS, 0));
            this.priceLevel = priceLevel(setup.currency());
            this.spendStep = Math.max(1, Math.round(10 * priceLevel));
        }

        Result run() throws SQLException {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                long memberBase = ExplicitIds.max(connection, MEMBER.getName());
                long cardBase = ExplicitIds.max(connection, CARD.getName());
                if (cardBase > 0) {
                    try (Statement s = connection.createStatement();
                            var rs = s.executeQuery("SELECT card_number FROM card")) {
                        while (rs.next()) {
                            cardNumbersIssued.add(rs.getString(1));
                        }
                    }
                }
                try (Statement s = connection.createStatement()) {
                    s.execute("DROP INDEX IF EXISTS " + TIME_INDEX);
                }
                // after the DDL above, which commits in H2; the load writes only new members' balances, so
                // the head its first entry locks waits for no balance (see LedgerChain)
                memberInsert = connection.prepareStatement(INSERT_MEMBER);
                cardInsert = connection.prepareStatement(INSERT_CARD);
                searchInsert = connection.prepareStatement(INSERT_SEARCH);
                surveyInsert = connection.prepareStatement(INSERT_SURVEY);
                ledger = LedgerBatch.open(connection, db.dsl(), BATCH, this::flushOwnRows);
                int n = population.size();
                for (int i = 0; i < n; i++) {
                    member(i, memberBase + 1 + i, cardBase + 1 + i);
                    membersDone = i + 1;
                    if (pendingMembers >= BATCH) {
                        ledger.flush();
                    }
                    if (rows - committedRows >= (long) BATCH * COMMIT_EVERY) {
                        commit(memberBase + i + 2, cardBase + i + 2);
                    }
                }
                commit(memberBase + n + 1, cardBase + n + 1);
                return new Result(n, visits, redemptions, rows, scale);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                for (PreparedStatement ps : new PreparedStatement[] {memberInsert, searchInsert, cardInsert,
                    surveyInsert}) {
                    if (ps != null) {
                        ps.close();
                    }
                }
                if (ledger != null) {
                    ledger.close();
                }
                try (Statement s = connection.createStatement()) {
                    s.execute(CREATE_TIME_INDEX);
                    connection.setAutoCommit(autoCommit);
                } catch (SQLException | RuntimeException e) {
                    // the connection died with the load (a full disk closes the database): fill() tries again
                    LOG.debug("index not restored on this connection", e);
                }
            }
        }

        /**
         * Commits whole members only, with the identities moved past the explicit ids, so the shop is
         * consistent and ready for the application even if the load stops half-way.
         */
        private void commit(long nextMember, long nextCard) throws SQLException {
            ledger.beforeCommit();
            ExplicitIds.restart(connection, MEMBER.getName(), nextMember);
            ExplicitIds.restart(connection, CARD.getName(), nextCard);
            ledger.restartIds();
            connection.commit();
            committedRows = rows;
            progress.update(membersDone, population.size(), visits, expectedVisits);
        }

        private void member(int index, long id, long card) throws SQLException {
            SplittableRandom times = population.times(index);
            Plan plan = population.plan(index, times);
            SplittableRandom profile = stream(settings.seed(), index, STREAM_PROFILE);
            OffsetDateTime enrolled = at(plan.enrolDay(), plan.enrolSecond());
            writeMember(id, plan, profile, enrolled);
            writeCard(card, id, enrolled);

            memberId = id;
            cardId = card;
            permille = setup.groupPermille()[plan.group().ordinal()];
            details = stream(settings.seed(), index, STREAM_DETAILS);
            survey = stream(settings.seed(), index, STREAM_SURVEY);
            // how much this member likes the shop: most are fond of it, a few are not
            fondness = 9.2 - 1.6 * survey.nextExponential();
            lastSurveyDay = Long.MIN_VALUE;
            typicalSpend = Math.round(TYPICAL_SPEND_PLN * priceLevel * Math.exp(0.35 * details.nextGaussian()));
            stamps = 0;
            rewards = 0;
            memberVisits = 0;
            spend = 0;
            firstVisit = null;
            lastVisit = null;
            population.visits(plan, scale, times, this::visit);

            ledger.insertBalance(id, stamps, rewards, memberVisits, spend, firstVisit, lastVisit);
            pendingMembers++;
            rows += 3;
        }

        private void writeMember(long id, Plan plan, SplittableRandom r, OffsetDateTime enrolled)
                throws SQLException {
            Person person = names.person(r);
            String name = person.displayName();
            String phone = r.nextDouble() < 0.55 ? names.phone(person.origin(), r) : null;
            String email = r.nextDouble() < 0.45 ? names.email(person, r) : null;
            LocalDate birthday = null;
            if (r.nextDouble() < 0.4) {
                int age = Math.min(85, 16 + r.nextInt(8) + (int) (r.nextExponential() * 12));
                LocalDate jan1 = LocalDate.of(enrolled.getYear() - age, 1, 1);
                birthday = jan1.plusDays(r.nextInt(jan1.lengthOfYear()));
            }
            boolean consent = r.nextDouble() < 0.35;
            memberInsert.setLong(1, id);
            memberInsert.setString(2, name);
            memberInsert.setString(3, SearchText.fold(name));
            setString(memberInsert, 4, phone);
            setString(memberInsert, 5, SearchText.reversedDigits(phone));
            setString(memberInsert, 6, email);
            setString(memberInsert, 7, SearchText.fold(email));
            memberInsert.setObject(8, birthday);
            memberInsert.setObject(9, birthday == null ? null : enrolled);
            memberInsert.setBoolean(10, consent);
            Long group = setup.groupIds()[plan.group().ordinal()];
            if (group == null) {
                memberInsert.setNull(11, Types.BIGINT);
            } else {
                memberInsert.setLong(11, group);
            }
            memberInsert.setObject(12, enrolled);
            memberInsert.addBatch();
            for (String term : SearchText.terms(name, email)) {
                searchInsert.setString(1, term);
                searchInsert.setLong(2, id);
                searchInsert.addBatch();
            }
        }

        private void writeCard(long id, long member, OffsetDateTime issued) throws SQLException {
            String number;
            do {
                number = cardNumbers.next();
            } while (!cardNumbersIssued.add(number));
            cardInsert.setLong(1, id);
            cardInsert.setString(2, number);
            cardInsert.setLong(3, member);
            cardInsert.setLong(4, member);
            cardInsert.setObject(5, issued);
            cardInsert.addBatch();
        }

        private void visit(long day, int second) {
            try {
                OffsetDateTime time = at(day, second);
                long cashier = cashier(day, second);
                String till = till(day, second);
                if (stamps >= setup.stampsForReward() && details.nextDouble() < 0.8) {
                    entry(EntryKind.REDEEM, -setup.stampsForReward(), 1, 0, 0, null, time, till, cashier);
                    stamps -= setup.stampsForReward();
                    rewards++;
                    redemptions++;
                }
                long amount = Math.max(spendStep * 10,
                        Math.round(typicalSpend * Math.exp(0.3 * details.nextGaussian()) / spendStep) * spendStep);
                int earned = (int) ((memberVisits + 1L) * permille / 1000 - (long) memberVisits * permille / 1000);
                entry(EntryKind.STAMP, earned, 0, 1, amount, setup.currency(), time, till, cashier);
                stamps += earned;
                memberVisits++;
                spend += amount;
                if (firstVisit == null) {
                    firstVisit = time;
                }
                lastVisit = time;
                visits++;
                survey(day, time, till, cashier);
            } catch (SQLException e) {
                throw new DataAccessException("cannot write a demo visit", e);
            }
        }

        /**
         * The quick survey after a visit, as the counter offers it: at most once in {@value #SURVEY_EVERY_DAYS}
         * days, answered two times out of three (0 to 10 around the member's fondness), otherwise skipped.
         */
        private void survey(long day, OffsetDateTime time, String till, long cashier) throws SQLException {
            if (lastSurveyDay != Long.MIN_VALUE && day - lastSurveyDay < SURVEY_EVERY_DAYS) {
                return;
            }
            lastSurveyDay = day;
            surveyInsert.setLong(1, memberId);
            if (survey.nextDouble() < 2.0 / 3) {
                long score = Math.round(fondness + 1.2 * survey.nextGaussian());
                surveyInsert.setInt(2, (int) Math.max(0, Math.min(10, score)));
            } else {
                surveyInsert.setNull(2, Types.INTEGER);
            }
            surveyInsert.setObject(3, time.plusSeconds(20));
            surveyInsert.setString(4, till);
            surveyInsert.setLong(5, cashier);
            surveyInsert.addBatch();
            rows++;
        }

        private void entry(EntryKind kind, int stampDelta, int rewardDelta, int visitDelta, long amount,
                String currency, OffsetDateTime time, String till, long cashier) throws SQLException {
            ledger.add(new LedgerChain.Content(memberId, cardId, kind, stampDelta, 0, rewardDelta, visitDelta, amount,
                    currency, null, setup.programId(), time, till, cashier, null, false, null, null, null));
            rows++;
        }

        private long cashier(long day, int second) {
            long[] ids = setup.cashierIds();
            int shift = second >= 13 * 3600 ? 2 : 0;
            return ids[(int) ((shift + Math.floorMod(day, 2)) % ids.length)];
        }

        private String till(long day, int second) {
            DayOfWeek dow = LocalDate.ofEpochDay(day).getDayOfWeek();
            boolean rush = (dow == DayOfWeek.FRIDAY || dow == DayOfWeek.SATURDAY)
                    && second >= 10 * 3600 && second < 15 * 3600;
            return rush && details.nextDouble() < 0.4 ? "Till 2" : "Till 1";
        }

        private OffsetDateTime at(long day, int second) {
            return LocalDateTime.of(LocalDate.ofEpochDay(day), LocalTime.ofSecondOfDay(second))
                    .atZone(setup.zone()).toOffsetDateTime();
        }

        /** The rows the ledger's entries and balances refer to; {@link LedgerBatch#flush} writes them first. */
        private void flushOwnRows() throws SQLException {
            memberInsert.executeBatch();
            searchInsert.executeBatch();
            cardInsert.executeBatch();
            surveyInsert.executeBatch();
            pendingMembers = 0;
        }

        private void setString(PreparedStatement ps, int index, String value) throws SQLException {
            if (value == null) {
                ps.setNull(index, Types.VARCHAR);
            } else {
                ps.setString(index, value);
            }
        }
    }
}
