package io.otelier.extension.filestorage.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/** File-system steps a store needs: locking, positional I/O, durable renames. */
final class StoreFiles {

    /** Prefix of temporary files, which upstream's cleanup_on_start removes from the compaction directory. */
    static final String TEMP_PREFIX = "tempdb";

    /**
     * The prefix of one store's temporary files: {@code tempdb-<16 hex digits of its name's SHA-256>-}, so a store
     * can remove what its own killed compactions left without touching another store's compaction in progress.
     */
    static String tempPrefix(Path store) {
        return TEMP_PREFIX + "-" + StoreNames.hashed(store.getFileName().toString()).substring(0, 16) + "-";
    }

    /** Deletes the files in {@code dir} whose names start with {@code prefix}; returns how many. */
    static int deleteAll(Path dir, String prefix) throws IOException {
        int deleted = 0;
        try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(dir, prefix + "*")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
                deleted++;
            }
        }
        return deleted;
    }

    private StoreFiles() {
    }

    /**
     * Takes the exclusive lock of a store file, waiting up to {@code timeout} (zero: without limit) while another
     * process, or another store in this one, holds it. Java's file locks are per process, so the check inside this
     * JVM comes from {@link OverlappingFileLockException}.
     */
    static FileLock lock(FileChannel channel, Path path, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 1;
        while (true) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return lock;
                }
            } catch (OverlappingFileLockException busyInThisProcess) {
                // same as held elsewhere: wait
            }
            if (!timeout.isZero() && System.nanoTime() - deadline >= 0) {
                throw new IOException("timeout: " + path + " is locked by another user of the store (another "
                        + "collector using the same directory?)");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while waiting for the lock of " + path);
            }
            pause = Math.min(50, pause * 2);
        }
    }

    static void readFully(FileChannel channel, ByteBuffer target, long position) throws IOException {
        long p = position;
        while (target.hasRemaining()) {
            int n = channel.read(target, p);
            if (n < 0) {
                throw new IOException("unexpected end of store file at offset " + p);
            }
            p += n;
        }
    }

    static void writeFully(FileChannel channel, ByteBuffer source, long position) throws IOException {
        long p = position;
        while (source.hasRemaining()) {
            p += channel.write(source, p);
        }
    }

    /**
     * Puts {@code source} in place of {@code target} atomically. A source on another file system (a compaction
     * directory elsewhere) is first copied beside the target, so the final step is always an atomic rename.
     */
    static void replace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException otherFileSystem) {
            Path local = Files.createTempFile(target.toAbsolutePath().getParent(), tempPrefix(target), "");
            try {
                Files.copy(source, local, StandardCopyOption.REPLACE_EXISTING);
                try (FileChannel c = FileChannel.open(local, StandardOpenOption.WRITE)) {
                    c.force(true);
                }
                Files.move(local, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(local);
            }
            Files.delete(source);
        }
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Makes a directory's entries (a created or renamed file) durable; a no-op where that is not supported. */
    static void syncDirectory(Path dir) {
        try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Windows cannot open directories; its renames are durable through the file system's journal
        }
    }

    static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover temp file; cleanup_on_start removes these
        }
    }
}
