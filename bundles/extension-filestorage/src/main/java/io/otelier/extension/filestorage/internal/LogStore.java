package io.otelier.extension.filestorage.internal;

import io.otelier.api.storage.StorageOperation;
import io.otelier.api.telemetry.Logger;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One component's key/value store: an append-only log of checksummed batch records (see {@link LogFormat}) and an
 * in-memory index of where each live value sits. Crash safety comes from the format: a record is appended with one
 * positional write and becomes visible to readers only once written (and forced, with fsync), so a killed process
 * leaves at most a torn last record, which the next open discards. Compaction writes the live entries to a new
 * file, forces it, and renames it over the old one, so the file at the store's path is always complete.
 *
 * <p>Thread-safe: one lock guards the index and the file's end; compaction copies the bulk of the data without
 * it and takes it only to copy what was appended meanwhile and to switch files.
 */
final class LogStore implements AutoCloseable {

    /** Settings of a store, from the extension's config. */
    record Options(boolean fsync, Duration timeout, long maxSize, long maxTransactionSize, boolean recreate) {
    }

    /** Upstream's storage.ErrStorageFull text. */
    static final String STORAGE_FULL = "the storage extension has run out of available space";
    /** Dead bytes a store tolerates before it compacts itself, whatever the config. */
    static final long AUTO_COMPACTION_MIN_DEAD = 4L * 1024 * 1024;
    /** Dead bytes below which a rebound compaction is not worth its I/O. */
    static final long REBOUND_MIN_DEAD = 64 * 1024;
    /** Compaction groups entries into records of at most this many payload bytes when the config sets no limit. */
    private static final long MAX_COMPACTION_RECORD = 64L * 1024 * 1024;
    private static final byte[] DELETED = new byte[0];

    private final Path path;
    private final Options options;
    private final Logger log;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean compacting = new AtomicBoolean();

    // guarded by lock
    private FileChannel channel;
    private FileLock fileLock;
    private KeyIndex index;
    private long end;
    private boolean closed;
    private IOException broken;

    private LogStore(Path path, Options options, Logger log, ReplayedFile file) {
        this.path = path;
        this.options = options;
        this.log = log;
        this.channel = file.channel();
        this.fileLock = file.lock();
        this.index = file.index();
        this.end = file.end();
    }

    /**
     * Opens (or creates) the store at {@code path}, discarding a torn last record and the temporary files its
     * interrupted compactions left beside it.
     *
     * @throws CorruptStoreException when the file is not a readable store and {@code recreate} is off
     */
    static LogStore open(Path path, Options options, Logger log) throws IOException {
        LogStore store = openFile(path, options, log);
        store.removeLeftovers(path.toAbsolutePath().getParent());
        return store;
    }

    private static LogStore openFile(Path path, Options options, Logger log) throws IOException {
        try {
            return new LogStore(path, options, log, ReplayedFile.open(path, options, log));
        } catch (CorruptStoreException e) {
            if (!options.recreate()) {
                throw e;
            }
            log.warn("Database corruption detected, recreating database file", "file", path.toString(),
                    "problem", e.getMessage());
            Path backup = CorruptStoreException.backupName(path);
            Files.move(path, backup);
            log.info("Corrupted database file renamed", "original", path.toString(), "backup", backup.toString());
            return new LogStore(path, options, log, ReplayedFile.open(path, options, log));
        }
    }

    Path path() {
        return path;
    }

    /**
     * Removes the temporary files this store's killed compactions left in {@code dir}. Safe while other stores
     * compact: the names are this store's own, and this process holds its lock.
     */
    void removeLeftovers(Path dir) {
        try {
            int removed = StoreFiles.deleteAll(dir, StoreFiles.tempPrefix(path));
            if (removed > 0) {
                log.info("removed temporary files of an interrupted compaction", "file", path.toString(),
                        "directory", dir.toString(), "count", removed);
            }
        } catch (IOException e) {
            log.warn("could not remove temporary files of an interrupted compaction", "file", path.toString(),
                    "directory", dir.toString(), "error", e.toString());
        }
    }

    byte[] get(String key) throws IOException {
        acquire();
        try {
            checkUsable();
            return read(index.get(key));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs the operations in order; the writes among them go to disk as one record, so a crash keeps all or none.
     * A get sees the writes before it in the same batch.
     */
    List<byte[]> batch(List<StorageOperation> operations) throws IOException {
        byte[][] results = new byte[operations.size()][];
        RecordEncoder record = new RecordEncoder();
        Map<String, byte[]> written = new HashMap<>();
        acquire();
        try {
            checkUsable();
            for (int i = 0; i < results.length; i++) {
                StorageOperation op = operations.get(i);
                if (op instanceof StorageOperation.Get) {
                    byte[] pending = written.get(op.key());
                    results[i] = pending == null ? read(index.get(op.key()))
                            : pending == DELETED ? null : pending.clone();
                } else if (op instanceof StorageOperation.Set set) {
                    record.set(set.key(), set.value());
                    written.put(set.key(), set.value()); // copied only if a get in this batch returns it
                } else {
                    record.delete(op.key());
                    written.put(op.key(), DELETED);
                }
            }
            if (!record.isEmpty()) {
                append(record);
            }
        } finally {
            lock.unlock();
        }
        if (!record.isEmpty() && autoCompactionDue()) {
            compactQuietly(path.toAbsolutePath().getParent(), "dead records outweigh live ones");
        }
        return Arrays.asList(results);
    }

    private void append(RecordEncoder record) throws IOException {
        ByteBuffer bytes = record.record();
        int length = bytes.remaining();
        makeRoom(length);
        long at = end;
        try {
            StoreFiles.writeFully(channel, bytes, at);
            if (options.fsync()) {
                channel.force(false);
            }
        } catch (IOException e) {
            discardFrom(at, e);
            throw e;
        }
        for (RecordEncoder.EncodedOp op : record.ops()) {
            if (op.isSet()) {
                index.set(op.key(), op.keyBytes(), at + op.valueOffset(), op.valueLength());
            } else {
                index.delete(op.key(), op.keyBytes());
            }
        }
        end = at + length;
    }

    /** With max_size: compacts when that makes the record fit, fails when nothing does. */
    private void makeRoom(int recordLength) throws IOException {
        long max = options.maxSize();
        if (max <= 0 || end + recordLength <= max) {
            return;
        }
        if (deadBytes() >= recordLength) {
            compact(path.toAbsolutePath().getParent());
        }
        if (end + recordLength > max) {
            throw new IOException(STORAGE_FULL);
        }
    }

    /** Undoes a partly written record; if even that fails, the store refuses further use rather than grow garbage. */
    private void discardFrom(long at, IOException cause) {
        if (!channel.isOpen()) {
            return; // interrupted: the reopen replays the file and drops the partial record then
        }
        try {
            channel.truncate(at);
        } catch (IOException e) {
            cause.addSuppressed(e);
            broken = new IOException("storage file " + path + " is unusable after a failed write", cause);
        }
    }

    private byte[] read(KeyIndex.ValueRef ref) throws IOException {
        if (ref == null) {
            return null;
        }
        byte[] value = new byte[ref.length()];
        StoreFiles.readFully(channel, ByteBuffer.wrap(value), ref.offset());
        return value;
    }

    // ---- compaction ----

    /** Bytes in the file that compaction would drop (record headers included, so an estimate). */
    long deadBytes() {
        return end - LogFormat.HEADER_SIZE - index.liveBytes();
    }

    private boolean autoCompactionDue() {
        lock.lock();
        try {
            long dead = deadBytes();
            return !closed && dead >= AUTO_COMPACTION_MIN_DEAD && dead >= index.liveBytes();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Upstream's rebound rule: the file grew to at least {@code neededBytes} and its live data shrank to at most
     * {@code triggerBytes}; and there is something worth reclaiming (a compacted file has a little "dead" space
     * too: its record headers), so thresholds that a compacted file still meets do not compact it again and again.
     */
    boolean reboundDue(long neededBytes, long triggerBytes) {
        lock.lock();
        try {
            return !closed && end >= neededBytes && index.liveBytes() <= triggerBytes
                    && deadBytes() >= REBOUND_MIN_DEAD;
        } finally {
            lock.unlock();
        }
    }

    /** Compacts, logging instead of throwing: for compactions no caller waits for. */
    void compactQuietly(Path tempDirectory, String reason) {
        long start = System.nanoTime();
        try {
            if (compact(tempDirectory)) {
                log.debug("compacted storage file", "file", path.toString(), "reason", reason, "elapsed",
                        Duration.ofNanos(System.nanoTime() - start));
            }
        } catch (IOException e) {
            if (!isClosed()) {
                log.error("compaction failure", e, "directory", tempDirectory.toString(), "file", path.toString());
            }
        }
    }

    /**
     * Rewrites the live entries to a temporary file in {@code tempDirectory} and puts it in place of the store
     * file. Writers wait only while the records appended during the copy are carried over and the files switch.
     *
     * @return false when another compaction was running or the store is closed
     */
    boolean compact(Path tempDirectory) throws IOException {
        if (!compacting.compareAndSet(false, true)) {
            return false;
        }
        Path temp = null;
        try {
            List<Map.Entry<String, KeyIndex.ValueRef>> live;
            long copiedUpTo;
            FileChannel source;
            acquire();
            try {
                if (closed) {
                    return false;
                }
                checkUsable();
                live = index.snapshot();
                copiedUpTo = end;
                source = channel;
            } finally {
                lock.unlock();
            }
            temp = Files.createTempFile(tempDirectory, StoreFiles.tempPrefix(path), "");
            KeyIndex fresh = new KeyIndex();
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                long written = writeLive(source, live, out, fresh);
                acquire();
                try {
                    if (closed || broken != null || channel != source) {
                        return false;
                    }
                    written = carryOver(source, copiedUpTo, out, written, fresh);
                    out.force(true);
                    // closed before the renamed file is locked: closing any channel of a file drops this
                    // process's locks on it
                    out.close();
                    switchTo(temp, fresh, written);
                } finally {
                    lock.unlock();
                }
            }
            return true;
        } finally {
            if (temp != null) {
                StoreFiles.deleteQuietly(temp);
            }
            compacting.set(false);
        }
    }

    /** Writes the header and the live entries, grouped into records of bounded size; returns the end. */
    private long writeLive(FileChannel source, List<Map.Entry<String, KeyIndex.ValueRef>> live, FileChannel out,
            KeyIndex fresh) throws IOException {
        long recordLimit = options.maxTransactionSize() > 0
                ? Math.min(options.maxTransactionSize(), MAX_COMPACTION_RECORD) : MAX_COMPACTION_RECORD;
        StoreFiles.writeFully(out, ByteBuffer.wrap(LogFormat.header()), 0);
        long pos = LogFormat.HEADER_SIZE;
        RecordEncoder record = new RecordEncoder();
        for (Map.Entry<String, KeyIndex.ValueRef> entry : live) {
            byte[] value = new byte[entry.getValue().length()];
            StoreFiles.readFully(source, ByteBuffer.wrap(value), entry.getValue().offset());
            record.set(entry.getKey(), value);
            if (record.payloadSize() >= recordLimit) {
                pos = writeRecord(out, record, pos, fresh);
                record = new RecordEncoder();
            }
        }
        return record.isEmpty() ? pos : writeRecord(out, record, pos, fresh);
    }

    private static long writeRecord(FileChannel out, RecordEncoder record, long pos, KeyIndex fresh)
            throws IOException {
        ByteBuffer bytes = record.record();
        int length = bytes.remaining();
        StoreFiles.writeFully(out, bytes, pos);
        for (RecordEncoder.EncodedOp op : record.ops()) {
            fresh.set(op.key(), op.keyBytes(), pos + op.valueOffset(), op.valueLength());
        }
        return pos + length;
    }

    /** Copies the records appended since the snapshot, unchanged, and applies them to the new index. */
    private long carryOver(FileChannel source, long from, FileChannel out, long at, KeyIndex fresh)
            throws IOException {
        long count = end - from;
        long copied = 0;
        while (copied < count) {
            copied += source.transferTo(from + copied, count - copied, out.position(at + copied));
        }
        RecordScanner.Result replay = RecordScanner.scan(out, at, at + count, ReplayedFile.indexer(fresh));
        if (replay.tail() != RecordScanner.Tail.CLEAN) {
            throw new IOException("compaction of " + path + " read back " + replay.problem() + " at offset "
                    + replay.validEnd());
        }
        return at + count;
    }

    /** Moves the compacted file into place and continues on it. Called with the lock held. */
    private void switchTo(Path compacted, KeyIndex fresh, long newEnd) throws IOException {
        StoreFiles.replace(compacted, path);
        FileChannel previous = channel;
        try {
            FileChannel next = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            fileLock = StoreFiles.lock(next, path, options.timeout());
            channel = next;
        } catch (IOException e) {
            // the compacted file is complete at the path; only this process lost its handle on it
            broken = new IOException("storage file " + path + " could not be reopened after compaction", e);
            throw broken;
        } finally {
            previous.close();
        }
        index = fresh;
        end = newEnd;
    }

    // ---- locking and state ----

    private void acquire() throws IOException {
        Duration timeout = options.timeout();
        try {
            if (timeout.isZero()) {
                lock.lockInterruptibly();
            } else if (!lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new IOException("timeout: waited " + timeout.toMillis() + "ms for the lock of storage file "
                        + path);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the lock of storage file " + path);
        }
    }

    /**
     * Fails on a closed or broken store, and reopens the file when its channel was closed under it: an interrupt
     * during file I/O closes a channel, and components interrupt their threads when they stop. Reopening replays
     * the file, so an interrupted write counts as a torn record.
     */
    private void checkUsable() throws IOException {
        if (closed) {
            throw new IOException("storage file " + path + " is closed");
        }
        if (broken != null) {
            throw broken;
        }
        if (!channel.isOpen()) {
            ReplayedFile reopened = ReplayedFile.open(path, options, log);
            channel = reopened.channel();
            fileLock = reopened.lock();
            index = reopened.index();
            end = reopened.end();
        }
    }

    /** Keys currently stored; for tests and the rebound check's logging. */
    int size() {
        lock.lock();
        try {
            return index.size();
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** The channel in use, so tests can close it as an interrupt would. */
    FileChannel channelForTest() {
        lock.lock();
        try {
            return channel;
        } finally {
            lock.unlock();
        }
    }

    long fileSize() {
        lock.lock();
        try {
            return end;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            channel.close(); // releases the file lock too
        } finally {
            lock.unlock();
        }
    }

    /** For the extension's list of open stores. */
    @Override
    public String toString() {
        return "LogStore[" + path + "]";
    }
}
