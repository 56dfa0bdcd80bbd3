package app.stempel.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An operating-system lock on {@code stempel.lock} in the data folder, held while a copy of Stempel
 * has the folder open. A second copy (another process, or a second open in this one) is told at once
 * that the shop is in use, before the database file is touched. The lock goes with the process, so a
 * killed copy leaves nothing to clean up.
 */
final class FolderLock {

    static final String FILE_NAME = "stempel.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static FolderLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            PrivateFiles.secureFile(file);
        } catch (IOException e) {
            throw new DatabaseException(DatabaseException.Reason.READ_ONLY, "cannot create " + file, e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DatabaseException(DatabaseException.Reason.OTHER, "cannot lock " + file, e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new DatabaseException(DatabaseException.Reason.IN_USE, file + " is held by another copy", null);
        }
        return new FolderLock(channel, lock);
    }

    void release() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException e) {
            // the channel close below releases it anyway
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }
}
