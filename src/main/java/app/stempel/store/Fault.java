package app.stempel.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a failure means to the person in front of the program, decided in one place for the window and the
 * command line alike: the cause chain of any exception is read for the database's and the disk's own
 * words (the database engine's error codes, read by its {@link Engine}, and the operating system's message).
 */
public enum Fault {
    /** Another copy of Stempel has the database open. */
    IN_USE("error.database.inUse"),
    /** The data folder or the database file cannot be written. */
    READ_ONLY("error.database.readOnly"),
    /** The disk is full; nothing acknowledged was lost, and writes work again once there is room. */
    DISK_FULL("error.database.diskFull"),
    /** The database file is damaged (or is not a Stempel database). */
    DAMAGED("error.database.corrupt"),
    /** Nothing the person can name: the details are in the log. */
    OTHER("error.unexpected");

    private final String messageKey;

    Fault(String messageKey) {
        this.messageKey = messageKey;
    }

    /** The bundle key of the one line a person reads for this fault. */
    public String messageKey() {
        return messageKey;
    }

    /**
     * What {@code e} means; {@link #OTHER} when nothing it carries says. Causes, a batch's next exceptions
     * (a JDBC batch keeps the real failure there) and suppressed exceptions are all read.
     */
    public static Fault of(Throwable e) {
        Fault found = OTHER;
        for (Throwable t : carried(e)) {
            Fault f = one(t);
            // a full disk explains whatever followed it (a write failed, so H2 closed the database)
            if (f == DISK_FULL) {
                return DISK_FULL;
            }
            if (found == OTHER) {
                found = f;
            }
        }
        return found;
    }

    /** {@code e} and everything it carries, breadth first, each once, at most a few hundred. */
    private static List<Throwable> carried(Throwable e) {
        List<Throwable> out = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Throwable> todo = new ArrayDeque<>();
        if (e != null) {
            todo.add(e);
        }
        while (!todo.isEmpty() && out.size() < 256) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            out.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof SQLException s && s.getNextException() != null) {
                todo.add(s.getNextException());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                todo.add(suppressed);
            }
        }
        return out;
    }

    private static Fault one(Throwable t) {
        if (t instanceof DatabaseException d && d.reason() != DatabaseException.Reason.OTHER) {
            return switch (d.reason()) {
                case IN_USE -> IN_USE;
                case READ_ONLY -> READ_ONLY;
                case DISK_FULL -> DISK_FULL;
                case CORRUPT -> DAMAGED;
                case OTHER -> OTHER;
            };
        }
        if (isDiskFull(t)) {
            return DISK_FULL;
        }
        Optional<Fault> engineSays = Database.inUse.fault(t);
        if (engineSays.isPresent()) {
            return engineSays.get();
        }
        if (t instanceof AccessDeniedException) {
            return READ_ONLY;
        }
        return OTHER;
    }

    /** The operating system's words for a full disk, in an exception that carries them. */
    private static boolean isDiskFull(Throwable t) {
        if (!(t instanceof IOException || t instanceof SQLException)) {
            return false;
        }
        String m = t instanceof FileSystemException f ? f.getReason() : t.getMessage();
        if (m == null) {
            m = t.getMessage();
        }
        return saysDiskFull(m);
    }

    /**
     * Whether {@code message}, an operating system's words, says the disk is full (ENOSPC, and a quota that ran
     * out: EDQUOT); for an {@link Engine} whose own exceptions carry them.
     */
    public static boolean saysDiskFull(String message) {
        return message != null && (message.contains("No space left on device")
                || message.contains("Disk quota exceeded")
                || message.contains("There is not enough space on the disk"));
    }

    /**
     * Whether the engine reports its database closed: after it met a write it could not make (see
     * {@link Database}).
     */
    static boolean isClosed(Throwable e) {
        Engine engine = Database.inUse;
        return carried(e).stream().anyMatch(engine::isClosed);
    }

    /**
     * Whether {@code e} says a wait for a lock that another transaction (another till) holds timed out: the same
     * work may succeed when tried again.
     */
    public static boolean isLockTimeout(Throwable e) {
        Engine engine = Database.inUse;
        return carried(e).stream().anyMatch(engine::isLockTimeout);
    }
}
