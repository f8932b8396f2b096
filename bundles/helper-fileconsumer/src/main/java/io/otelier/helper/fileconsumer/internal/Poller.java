package io.otelier.helper.fileconsumer.internal;

import io.otelier.api.storage.StorageClient;
import io.otelier.api.telemetry.Logger;
import io.otelier.helper.fileconsumer.FileConsumerConfig;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * One poll after another (upstream fileconsumer.Manager.poll): match the files, pair each with what is known of it
 * by fingerprint, read every one to its end, then checkpoint. Runs on one thread; not thread-safe.
 */
public final class Poller {

    private final FileConsumerConfig config;
    private final ReaderSettings settings;
    private final Logger logger;
    private final FileMatcher matcher;
    private final Tracker tracker = new Tracker();
    private final int maxBatchFiles;
    private final Set<String> unreadable = new HashSet<>();
    private final BooleanSupplier stopped;
    private StorageClient storage;
    private long lastSaveNanos = System.nanoTime();

    public Poller(FileConsumerConfig config, ReaderSettings settings, BooleanSupplier stopped) {
        this.config = config;
        this.settings = settings;
        this.logger = settings.logger;
        this.matcher = new FileMatcher(config, settings.clockMillis);
        this.maxBatchFiles = Math.max(1, config.maxConcurrentFiles() / 2);
        this.stopped = stopped;
        // within a poll, emitted batches are checkpointed as they go (at most every twentieth of poll_interval, so
        // the cost stays bounded with many files): a crash re-reads a small part of one poll's worth of lines
        settings.afterBatch = this::checkpointIfDue;
    }

    /** Restores the checkpoints kept in {@code storage} (null: none are kept). */
    public void start(StorageClient storage) throws IOException {
        this.storage = storage;
        if (storage == null) {
            return;
        }
        byte[] value = storage.get(Checkpoints.KEY);
        if (value == null) {
            return;
        }
        List<FileState> states;
        try {
            states = Checkpoints.decode(value, settings.clockMillis.getAsLong());
        } catch (IOException e) {
            throw new IOException("read known files from database: " + e.getMessage(), e);
        }
        if (!states.isEmpty()) {
            logger.info("Resuming from previously known offset(s). 'start_at' setting is not applicable.");
            settings.fromBeginning = true;
            tracker.load(states);
        }
    }

    public void poll() {
        List<String> matches = matcher.match();
        if (matches.isEmpty()) {
            logger.debug("finding files", "error", "no files match the configured criteria");
        }
        int batches = 0;
        while (matches.size() > maxBatchFiles) {
            consume(matches.subList(0, maxBatchFiles));
            if (config.maxBatches() != 0 && ++batches >= config.maxBatches()) {
                return;
            }
            matches = matches.subList(maxBatchFiles, matches.size());
        }
        consume(matches);
        // files that appear from now on are read from their start
        settings.fromBeginning = true;
        saveCheckpoints();
        tracker.endPoll();
    }

    /** Closes every file and saves the checkpoints one last time. */
    public void stop() {
        tracker.closePrevious();
        saveCheckpoints();
    }

    private void checkpointIfDue() {
        if (storage != null && System.nanoTime() - lastSaveNanos >= config.pollInterval().toNanos() / 20) {
            saveCheckpoints();
        }
    }

    private void saveCheckpoints() {
        if (storage == null) {
            return;
        }
        lastSaveNanos = System.nanoTime();
        try {
            storage.set(Checkpoints.KEY, Checkpoints.encode(tracker.states()));
        } catch (IOException e) {
            logger.error("save offsets", e);
        }
    }

    private void consume(List<String> paths) {
        try {
            openAndRead(paths);
        } finally {
            // even after a failure, so the next poll pairs files with this poll's readers again
            tracker.endConsume();
        }
    }

    private void openAndRead(List<String> paths) {
        List<Unmatched> unmatched = new ArrayList<>();
        for (String path : paths) {
            FileChannel channel = open(path);
            if (channel == null) {
                continue;
            }
            Fingerprint fp;
            try {
                fp = Fingerprint.of(channel, config.fingerprintSize(), settings.decompress());
            } catch (IOException e) {
                closeQuietly(channel);
                continue;
            }
            if (fp.length() == 0) {
                // empty: nothing to read, and nothing to tell it apart by yet
                closeQuietly(channel);
                continue;
            }
            FileReader duplicate = tracker.takeCurrentEqual(fp);
            if (duplicate != null) {
                // a copy of a file already seen this poll (copy-truncate, before the truncate)
                logger.debug("Skipping duplicate file", "path", path);
                tracker.add(duplicate);
                closeQuietly(channel);
                continue;
            }
            try {
                FileReader known = continueKnown(path, channel, fp);
                if (known != null) {
                    tracker.add(known);
                } else if (unmatched.stream().noneMatch(u -> u.fp.equals(fp))) {
                    unmatched.add(new Unmatched(path, channel, fp));
                } else {
                    logger.debug("Skipping duplicate file", "path", path);
                    closeQuietly(channel);
                }
            } catch (IOException e) {
                logger.error("Failed to create reader", e, "path", path);
                closeQuietly(channel);
            }
        }
        for (Unmatched u : unmatched) {
            try {
                logger.info("Started watching file", "path", u.path);
                tracker.add(FileReader.fresh(settings, u.path, u.channel, u.fp));
            } catch (IOException e) {
                logger.error("Failed to create reader", e, "path", u.path);
                closeQuietly(u.channel);
            }
        }
        readLostFiles();
        for (FileReader r : tracker.current()) {
            if (stopped.getAsBoolean()) {
                break;
            }
            r.readToEnd(stopped);
        }
    }

    private FileReader continueKnown(String path, FileChannel channel, Fingerprint fp) throws IOException {
        FileReader old = tracker.takePrevious(fp);
        if (old != null) {
            if (!old.path().equals(path)) {
                logger.debug(old.validate() ? "File has been rotated(moved)" : "File has been rotated(truncated)",
                        "original_path", old.path(), "rotated_path", path);
            }
            FileState state = old.close();
            grow(state, fp);
            applyOnTruncate(state, channel.size(), path);
            return FileReader.resumed(settings, path, channel, state, !settings.fromBeginning);
        }
        FileState state = tracker.takeKnown(fp);
        if (state != null) {
            grow(state, fp);
            applyOnTruncate(state, channel.size(), path);
            return FileReader.resumed(settings, path, channel, state, !settings.fromBeginning);
        }
        return null;
    }

    /**
     * Takes the file's current first bytes as its identity, so a copy made of it this poll (copy-truncate) is
     * recognised as a duplicate rather than read again as a new file.
     */
    private static void grow(FileState state, Fingerprint current) {
        if (current.length() > state.fingerprint.length()) {
            state.fingerprint = current;
        }
    }

    /** A known file now shorter than its offset (copy-truncate that kept the first bytes): on_truncate decides. */
    private void applyOnTruncate(FileState state, long size, String path) {
        if (state.offset <= size || state.gzip) {
            return;
        }
        switch (config.onTruncate()) {
            case FileConsumerConfig.ON_TRUNCATE_READ_WHOLE_FILE -> state.offset = 0;
            case FileConsumerConfig.ON_TRUNCATE_READ_NEW -> state.offset = size;
            default -> logger.debug("Stored offset exceeds current file size. Keeping original offset",
                    "path", path, "stored_offset", state.offset, "current_file_size", size);
        }
    }

    /**
     * Readers of the last poll whose file no longer matches (renamed out of the globs) are read to their end
     * through the handle they still hold, unless that handle now shows a truncated file.
     */
    private void readLostFiles() {
        if (config.deleteAfterRead()) {
            return;
        }
        List<FileReader> lost = new ArrayList<>();
        outer:
        for (FileReader old : tracker.previous()) {
            for (FileReader r : tracker.current()) {
                if (r.fingerprint().startsWith(old.fingerprint())) {
                    continue outer;
                }
                if (r.path().equals(old.path()) && !old.validate()) {
                    logger.debug("File has been rotated(truncated)", "path", old.path());
                    continue outer;
                }
            }
            lost.add(old);
        }
        for (FileReader r : lost) {
            logger.debug("Reading lost file", "path", r.path());
            r.readToEnd(stopped);
        }
    }

    private FileChannel open(String path) {
        try {
            FileChannel channel = FileReader.open(path);
            if (unreadable.remove(path)) {
                logger.info("Previously unreadable file is now readable", "path", path);
            }
            return channel;
        } catch (AccessDeniedException e) {
            if (unreadable.size() < 10_000 && unreadable.add(path)) {
                logger.error("Failed to open file - unreadable", e, "path", path);
            }
        } catch (IOException e) {
            logger.error("Failed to open file", e, "path", path);
        }
        return null;
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was read from it
        }
    }

    private record Unmatched(String path, FileChannel channel, Fingerprint fp) {
    }
}
