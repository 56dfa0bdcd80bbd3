package app.stempel.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;

import org.h2.api.ErrorCode;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

/**
 * What a failure means to the person in front of the program, decided in one place for the window and the
 * command line alike: the cause chain of any exception is read for the database's and the disk's own
 * words (H2's error codes, the MVStore's error codes, the operating system's message).
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
    private static java.util.List<Throwable> carried(Throwable e) {
        java.util.List<Throwable> out = new java.util.ArrayList<>();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>();
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
        if (t instanceof SQLException s) {
            switch (s.getErrorCode()) {
                case ErrorCode.DATABASE_ALREADY_OPEN_1:
                    return IN_USE;
                case ErrorCode.DATABASE_IS_READ_ONLY:
                    return READ_ONLY;
                case ErrorCode.FILE_CORRUPTED_1:
                case ErrorCode.FILE_VERSION_ERROR_1:
                case ErrorCode.WRONG_USER_OR_PASSWORD:
                    return DAMAGED;
                default:
                    return OTHER;
            }
        }
        if (t instanceof MVStoreException m) {
            return switch (m.getErrorCode()) {
                case DataUtils.ERROR_FILE_CORRUPT, DataUtils.ERROR_UNSUPPORTED_FORMAT, DataUtils.ERROR_READING_FAILED,
                        DataUtils.ERROR_CHUNK_NOT_FOUND -> DAMAGED;
                case DataUtils.ERROR_FILE_LOCKED -> IN_USE;
                default -> OTHER;
            };
        }
        if (t instanceof AccessDeniedException) {
            return READ_ONLY;
        }
        return OTHER;
    }

    /** The operating system's words for a full disk (ENOSPC, and a quota that ran out: EDQUOT). */
    private static boolean isDiskFull(Throwable t) {
        if (!(t instanceof IOException || t instanceof SQLException || t instanceof MVStoreException)) {
            return false;
        }
        String m = t instanceof FileSystemException f ? f.getReason() : t.getMessage();
        if (m == null) {
            m = t.getMessage();
        }
        return m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded")
                || m.contains("There is not enough space on the disk"));
    }

    /** Whether H2 reports its database closed: after it met a write it could not make (see {@link Database}). */
    static boolean isClosed(Throwable e) {
        for (Throwable t : carried(e)) {
            if (t instanceof SQLException s && s.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED) {
                return true;
            }
            if (t instanceof MVStoreException m && m.getErrorCode() == DataUtils.ERROR_CLOSED) {
                return true;
            }
        }
        return false;
    }
}
