package app.stempel.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.atomic.AtomicBoolean;

import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

import app.stempel.store.h2.H2Engine;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A disk that can be made full: H2's files opened under the {@code fulldisk:} scheme are the real files,
 * except that while {@link #fill()} is on every write fails as a full disk fails ("No space left on
 * device"). No root is needed, unlike a small loop-mounted or size-limited file system.
 */
public final class FullDisk extends FilePathWrapper {

    /** H2's scheme for files on this disk. */
    public static final String SCHEME = "fulldisk";

    private static final AtomicBoolean FULL = new AtomicBoolean();
    private static final AtomicLong ROOM = new AtomicLong(Long.MAX_VALUE);
    private static final FullDisk PROVIDER = new FullDisk();

    static {
        FilePath.register(PROVIDER);
    }

    /** Every H2 file opened from now on, in this JVM, comes through this disk; the disk has room. */
    public static void install() {
        free();
        Database.inUse = new H2Engine(SCHEME + ":");
    }

    /** Back to the real disk for databases opened after this. */
    public static void uninstall() {
        free();
        Database.inUse = new H2Engine(H2Engine.DISK);
    }

    /** From now on every write fails. */
    public static void fill() {
        FULL.set(true);
    }

    /** The disk fills up after {@code bytes} more bytes are written. */
    public static void fillAfter(long bytes) {
        ROOM.set(bytes);
    }

    /** Room again. */
    public static void free() {
        ROOM.set(Long.MAX_VALUE);
        FULL.set(false);
    }

    private static void take(int bytes) throws IOException {
        if (FULL.get()) {
            throw full();
        }
        if (ROOM.addAndGet(-bytes) < 0) {
            FULL.set(true);
            throw full();
        }
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(getBase().open(mode));
    }

    private static IOException full() {
        return new IOException("No space left on device");
    }

    /** The real file's channel whose writes fail while the disk is full. */
    private static final class Channel extends FileBase {
        private final FileChannel base;

        Channel(FileChannel base) {
            this.base = base;
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            take(src.remaining());
            return base.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            take(src.remaining());
            return base.write(src, position);
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            base.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            if (FULL.get()) {
                throw full();
            }
            base.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }
    }
}
