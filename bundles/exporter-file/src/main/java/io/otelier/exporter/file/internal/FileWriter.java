package io.otelier.exporter.file.internal;

import io.otelier.api.telemetry.Logger;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One open output path: its file (plain or rotating) and, when the file is buffered, a timer flushing it every
 * {@code flush_interval}. Writes and flushes are serialized on this object.
 */
final class FileWriter {

    private final Path path;
    private final Logger log;
    private OutputFile file;
    private ScheduledExecutorService flusher;
    private boolean flushErrorLogged;

    private FileWriter(Path path, Logger log) {
        this.path = path;
        this.log = log;
    }

    /**
     * Opens {@code path} as the config says and starts its flush timer. {@code migrateLegacy}: first rename
     * backups in lumberjack's older layout (upstream does so for the single, ungrouped file).
     */
    static FileWriter open(Path path, FileExporterConfig config, Clock clock, Logger log, boolean migrateLegacy)
            throws IOException {
        FileWriter writer = new FileWriter(path, log);
        if (config.rotation() == null) {
            writer.file = openPlain(path, config.append());
        } else {
            RotatingFile rotating = new RotatingFile(path, config.rotation(), clock);
            if (migrateLegacy) {
                rotating.migrateLegacyBackups();
            }
            writer.file = rotating;
        }
        if (writer.file.buffered()) {
            writer.startFlusher(config.effectiveFlushInterval());
        }
        return writer;
    }

    /** Opens the file, with a message that says what failed: Java's own names only the path. */
    private static PlainFile openPlain(Path path, boolean append) throws IOException {
        try {
            return new PlainFile(path, append);
        } catch (NoSuchFileException e) {
            throw new IOException("open " + path + ": no such file or directory", e);
        } catch (AccessDeniedException e) {
            throw new IOException("open " + path + ": permission denied", e);
        } catch (FileSystemException e) {
            throw new IOException("open " + path + ": " + (e.getReason() == null ? e.getMessage() : e.getReason()), e);
        }
    }

    Path path() {
        return path;
    }

    private void startFlusher(Duration interval) {
        long every = interval.toNanos();
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "otelier-file-exporter-flush " + path.getFileName());
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleAtFixedRate(this::flushQuietly, every, every, TimeUnit.NANOSECONDS);
    }

    synchronized void write(byte[] record) throws IOException {
        if (file == null) {
            throw new IOException("file " + path + " is closed");
        }
        file.write(record);
    }

    private synchronized void flushQuietly() {
        if (file == null) {
            return;
        }
        try {
            file.flush();
        } catch (IOException e) {
            if (!flushErrorLogged) {
                flushErrorLogged = true;
                log.error("Failed to flush file. Buffered data may be lost and subsequent writes may fail.", e,
                        "path", path.toString());
            }
        }
    }

    /** Stops the timer (waiting for a running flush), then flushes and closes the file. */
    void close() throws IOException {
        ScheduledExecutorService timer;
        synchronized (this) {
            timer = flusher;
            flusher = null;
        }
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        OutputFile closing;
        synchronized (this) {
            closing = file;
            file = null;
        }
        if (closing != null) {
            closing.close();
        }
    }
}
