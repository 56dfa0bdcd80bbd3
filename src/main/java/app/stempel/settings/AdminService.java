package app.stempel.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import app.stempel.owner.OwnerGate;
import app.stempel.owner.Role;
import app.stempel.owner.Role.Who;
import app.stempel.core.Language;
import app.stempel.store.Backups;
import app.stempel.store.Database;
import java.io.IOException;

/**
 * The owner's work on the Settings screen: the shop's language, how soon owner mode ends by itself,
 * how often the counter's quick survey asks a member, backing up and restoring. Each method asks the owner gate first, so the cashier cannot reach it.
 */
public final class AdminService {

    /** Restores a backup: closes the shop, restores, checks and reopens; throws what went wrong. */
    public interface Restorer {
        void restore(Path zip) throws Exception;
    }

    /** Minutes owner mode may stay idle. */
    public static final int IDLE_MIN = 1;
    public static final int IDLE_MAX = 60;
    /** Days after which the quick survey asks a member again: 0 (never) to ten years. */
    public static final int SURVEY_DAYS_MIN = 0;
    public static final int SURVEY_DAYS_MAX = 3650;
    /** Minutes after a visit in which another stamp asks the cashier first: 0 (never) to a day. */
    public static final int REPEAT_MINUTES_MIN = 0;
    public static final int REPEAT_MINUTES_MAX = 24 * 60;

    private final Backups backups;
    private final Database db;
    private final SettingsService settings;
    private final OwnerGate owner;
    private final OwnerSession session;

    /**
     * @param owner asked before every owner setting, backup to a chosen file and restore
     * @param session this till's owner mode, whose idle limit the owner sets here
     */
    public AdminService(Database db, SettingsService settings, OwnerGate owner, OwnerSession session, Backups backups) {
        this.db = Objects.requireNonNull(db);
        this.backups = Objects.requireNonNull(backups);
        this.settings = Objects.requireNonNull(settings);
        this.owner = Objects.requireNonNull(owner);
        this.session = Objects.requireNonNull(session);
    }

    @Role(Who.OWNER)
    public void setLanguage(Language language) {
        owner.require();
        settings.putAll(Map.of(SettingsService.LANGUAGE, language.code()));
    }

    /** Sets after how many idle minutes owner mode ends, for this till now and for every start after. */
    @Role(Who.OWNER)
    public void setOwnerIdleMinutes(int minutes) {
        owner.require();
        if (minutes < IDLE_MIN || minutes > IDLE_MAX) {
            throw new IllegalArgumentException("idle minutes must be " + IDLE_MIN + " to " + IDLE_MAX);
        }
        settings.putAll(Map.of(SettingsService.OWNER_IDLE_MINUTES, String.valueOf(minutes)));
        session.setIdleLimit(Duration.ofMinutes(minutes));
    }

    /** After how many days the counter's quick survey asks a member again (0: never). */
    @Role(Who.OWNER)
    public int surveyDays() {
        owner.require();
        return settings.surveyDays();
    }

    /** Sets after how many days the counter's quick survey asks a member again; 0 stops it. */
    @Role(Who.OWNER)
    public void setSurveyDays(int days) {
        owner.require();
        if (days < SURVEY_DAYS_MIN || days > SURVEY_DAYS_MAX) {
            throw new IllegalArgumentException("survey days must be " + SURVEY_DAYS_MIN + " to " + SURVEY_DAYS_MAX);
        }
        settings.putAll(Map.of(SettingsService.SURVEY_DAYS, String.valueOf(days)));
    }

    /** Minutes after a visit in which another stamp for the same member asks the cashier first (0: never). */
    @Role(Who.OWNER)
    public int repeatStampMinutes() {
        owner.require();
        return (int) settings.repeatStampWindow().toMinutes();
    }

    /** Sets how long after a visit another stamp for the same member asks the cashier first; 0 never asks. */
    @Role(Who.OWNER)
    public void setRepeatStampMinutes(int minutes) {
        owner.require();
        if (minutes < REPEAT_MINUTES_MIN || minutes > REPEAT_MINUTES_MAX) {
            throw new IllegalArgumentException("repeat minutes must be " + REPEAT_MINUTES_MIN + " to " + REPEAT_MINUTES_MAX);
        }
        settings.putAll(Map.of(SettingsService.REPEAT_STAMP_MINUTES, String.valueOf(minutes)));
    }

    /** Writes a consistent backup to {@code file} while the shop keeps working. */
    @Role(Who.OWNER)
    public Path backup(Path file) throws IOException {
        owner.require();
        Backups.backup(db, file);
        return file;
    }

    /** The day's backup in the data folder now, in place of one taken earlier today (the owner's {@code backup}). */
    @Role(Who.OWNER)
    public Path backupNow() throws IOException {
        owner.require();
        return backups.daily(db, true).orElseThrow();
    }

    /**
     * Today's automatic backup, if there is none yet: when the shop opens, and again on the first check of each
     * new day while the program runs. The program's own work, at any till.
     *
     * @return the backup written, or empty if today's was there already
     */
    @Role(Who.TILL)
    public Optional<Path> dailyBackup() throws IOException {
        return backups.daily(db, false);
    }

    /** The backup on closing, beside the day's automatic one. The program's own work. */
    @Role(Who.TILL)
    public Path exitBackup() throws IOException {
        return backups.onExit(db);
    }

    @Role(Who.OWNER)
    public void restore(Path zip, Restorer restorer) throws Exception {
        owner.require();
        restorer.restore(zip);
    }
}
