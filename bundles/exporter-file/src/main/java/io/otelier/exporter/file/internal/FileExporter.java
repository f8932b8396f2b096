package io.otelier.exporter.file.internal;

import com.github.luben.zstd.Zstd;
import io.otelier.api.telemetry.Logger;
import io.otelier.pdata.Telemetry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code file} exporter, shared by all its signals (upstream shares it the same way): opened by the first
 * signal to start, closed after the last one shut down. Batches are encoded, compressed per message when
 * configured, framed (a newline after JSON, a 4-byte big-endian length before anything else) and written.
 * With {@code group_by}, each batch is split by a resource attribute and each part goes to its own file; at
 * most {@code max_open_files} stay open, the least recently used one is closed first.
 */
final class FileExporter {

    /** Upstream's zstd encoder default (SpeedDefault). */
    static final int ZSTD_LEVEL = 3;

    private final FileExporterConfig config;
    private final Logger log;
    private final Clock clock;
    private final Runnable onClosed;
    private final boolean grouping;

    private int starts;
    private FileWriter single;
    private GroupPaths groupPaths;
    private LinkedHashMap<String, FileWriter> groupWriters;

    FileExporter(FileExporterConfig config, Logger log, Clock clock, Runnable onClosed) {
        this.config = config;
        this.log = log;
        this.clock = clock;
        this.onClosed = onClosed;
        this.grouping = config.groupBy() != null && config.groupBy().enabled();
    }

    /** Opens the output on the first call; later calls only count. */
    synchronized void start() throws IOException {
        if (starts++ > 0) {
            return;
        }
        try {
            if (grouping) {
                groupPaths = new GroupPaths(config.path());
                groupWriters = new LinkedHashMap<>(16, 0.75f, true);
            } else {
                Path path = Path.of(config.path());
                Path parent = path.toAbsolutePath().getParent();
                if (config.createDirectory() && parent != null) {
                    createDirectories(parent);
                }
                single = FileWriter.open(path, config, clock, log, true);
            }
        } catch (IOException | RuntimeException e) {
            starts = 0;
            onClosed.run();
            throw e;
        }
    }

    private void createDirectories(Path dir) throws IOException {
        int mode = config.parseDirectoryPermissions();
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString(permissionString(mode))));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }

    private static String permissionString(int mode) {
        String letters = "rwxrwxrwx";
        StringBuilder out = new StringBuilder(9);
        for (int i = 0; i < 9; i++) {
            out.append((mode & (1 << (8 - i))) != 0 ? letters.charAt(i) : '-');
        }
        return out.toString();
    }

    <T extends Telemetry> void export(SignalCodec<T, ?> codec, T data) throws IOException {
        if (!grouping) {
            FileWriter writer;
            synchronized (this) {
                writer = single;
            }
            if (writer == null) {
                throw new IOException("the file exporter for " + config.path() + " is not started");
            }
            writer.write(frame(codec.encode(data, config.format())));
            return;
        }
        if (codec.isEmpty(data)) {
            return;
        }
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, T> group : codec.groupBy(data, config.groupBy().resourceAttribute()).entrySet()) {
            try {
                writeGroup(group.getKey(), frame(codec.encode(group.getValue(), config.format())));
            } catch (IOException e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new IOException(String.join("\n", failures));
        }
    }

    /** Writes under the exporter's lock, so an eviction never closes a file in the middle of a write. */
    private synchronized void writeGroup(String segment, byte[] record) throws IOException {
        if (groupWriters == null) {
            throw new IOException("the file exporter for " + config.path() + " is not started");
        }
        String path = groupPaths.pathFor(segment);
        FileWriter writer = groupWriters.get(path);
        if (writer == null) {
            Path file = Path.of(path);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                createDirectories(parent);
            }
            writer = FileWriter.open(file, config, clock, log, false);
            groupWriters.put(path, writer);
            evictBeyond(config.groupBy().maxOpenFiles());
        }
        writer.write(record);
    }

    private void evictBeyond(int maxOpen) {
        Iterator<FileWriter> oldestFirst = groupWriters.values().iterator();
        while (groupWriters.size() > maxOpen && oldestFirst.hasNext()) {
            FileWriter evicted = oldestFirst.next();
            oldestFirst.remove();
            try {
                evicted.close();
            } catch (IOException e) {
                log.warn("Failed to close file", "error", e.getMessage(), "path", evicted.path().toString());
            }
        }
    }

    /** Compresses (one zstd frame per message) and frames one encoded message. */
    byte[] frame(byte[] message) {
        byte[] payload = config.compression().isEmpty() ? message : Zstd.compress(message, ZSTD_LEVEL);
        if (config.lengthPrefixed()) {
            return ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array();
        }
        byte[] line = new byte[payload.length + 1];
        System.arraycopy(payload, 0, line, 0, payload.length);
        line[payload.length] = '\n';
        return line;
    }

    /** A signal shut down without having started: if no signal runs this exporter, the factory drops it. */
    synchronized void forgetIfIdle() {
        if (starts == 0) {
            onClosed.run();
        }
    }

    /** Counts one shutdown; the last one flushes and closes every open file. */
    void shutdown() throws IOException {
        List<FileWriter> closing = new ArrayList<>();
        synchronized (this) {
            if (starts == 0 || --starts > 0) {
                return;
            }
            if (single != null) {
                closing.add(single);
                single = null;
            }
            if (groupWriters != null) {
                closing.addAll(groupWriters.values());
                groupWriters = null;
            }
        }
        onClosed.run();
        IOException failure = null;
        for (FileWriter writer : closing) {
            try {
                writer.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = new IOException("close " + writer.path() + ": " + e.getMessage(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
