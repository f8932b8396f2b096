package io.otelier.exporter.file.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A size-rotated output with upstream's file layout (the timberjack logger fileexporter uses): the file is
 * opened on first write, appending when it exists and has room; a write that would take it past the limit
 * first renames it to {@code <name>-<yyyy-MM-ddTHH-mm-ss.SSS>-size<ext>} and starts a new one. After each
 * rotation, backups beyond the newest {@code max_backups} timestamps or older than {@code max_days} are deleted.
 * Writes are unbuffered, as upstream's are with rotation.
 */
final class RotatingFile implements OutputFile {

    /** Go's 2006-01-02T15-04-05.000, the timestamp inside backup names. */
    static final DateTimeFormatter BACKUP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss.SSS");
    private static final String SIZE_REASON = "size";
    private static final int MAX_NAME_ATTEMPTS = 1000;

    private final Path path;
    private final long maxBytes;
    private final int maxBackups;
    private final int maxDays;
    private final ZoneId zone;
    private final Clock clock;
    private final String prefix;
    private final String ext;

    private OutputStream out;
    private long size;

    RotatingFile(Path path, FileExporterConfig.Rotation rotation, Clock clock) {
        this.path = path.toAbsolutePath();
        this.maxBytes = rotation.maxBytes();
        this.maxBackups = rotation.maxBackups();
        this.maxDays = rotation.maxDays();
        this.zone = rotation.localtime() ? ZoneId.systemDefault() : ZoneOffset.UTC;
        this.clock = clock;
        String name = this.path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        this.ext = dot < 0 ? "" : name.substring(dot);
        this.prefix = name.substring(0, name.length() - ext.length()) + "-";
    }

    /** The name a backup made at {@code time} gets (before any clash suffix). */
    String backupName(Instant time, String reason) {
        return prefix + BACKUP_TIME.format(time.atZone(zone)) + "-" + reason + ext;
    }

    @Override
    public void write(byte[] record) throws IOException {
        if (record.length > maxBytes) {
            throw new IOException("write length " + record.length + " exceeds maximum file size " + maxBytes);
        }
        if (out == null) {
            openExistingOrNew(record.length);
        } else if (size + record.length > maxBytes) {
            rotate();
        }
        out.write(record);
        size += record.length;
    }

    @Override
    public void flush() {
        // unbuffered
    }

    @Override
    public boolean buffered() {
        return false;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            OutputStream o = out;
            out = null;
            o.close();
        }
    }

    /**
     * Renames backups left by older releases ({@code <name>-<timestamp><ext>}, lumberjack's layout) to the
     * current layout, so that retention counts them; upstream does the same at start.
     */
    void migrateLegacyBackups() throws IOException {
        Path dir = path.getParent();
        if (!Files.isDirectory(dir)) {
            return;
        }
        for (Path p : list(dir)) {
            String name = p.getFileName().toString();
            if (!name.startsWith(prefix) || !name.endsWith(ext)) {
                continue;
            }
            String middle = name.substring(prefix.length(), name.length() - ext.length());
            if (parseTime(middle).isEmpty()) {
                continue;
            }
            Path target = dir.resolve(prefix + middle + "-" + SIZE_REASON + ext);
            if (Files.exists(target)) {
                Files.deleteIfExists(p);
            } else {
                Files.move(p, target);
            }
        }
    }

    private void openExistingOrNew(int writeLength) throws IOException {
        mill();
        if (!Files.exists(path)) {
            openNew();
            return;
        }
        long existing = Files.size(path);
        if (existing + writeLength >= maxBytes) {
            rotate();
            return;
        }
        out = Files.newOutputStream(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        size = existing;
    }

    private void rotate() throws IOException {
        close();
        openNew();
        mill();
    }

    private void openNew() throws IOException {
        Files.createDirectories(path.getParent());
        if (Files.exists(path)) {
            Files.move(path, uniqueBackupPath(clock.instant()));
        }
        out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        size = 0;
    }

    /** Two rotations in one millisecond must not overwrite each other: the reason gets "_1", "_2", … */
    private Path uniqueBackupPath(Instant time) throws IOException {
        Path dir = path.getParent();
        Path candidate = dir.resolve(backupName(time, SIZE_REASON));
        for (int i = 1; Files.exists(candidate); i++) {
            if (i > MAX_NAME_ATTEMPTS) {
                throw new IOException("can't find a unique backup name for " + path);
            }
            candidate = dir.resolve(backupName(time, SIZE_REASON + "_" + i));
        }
        return candidate;
    }

    /** Deletes backups beyond the retention limits. */
    private void mill() throws IOException {
        if (maxBackups == 0 && maxDays == 0) {
            return;
        }
        Path dir = path.getParent();
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Backup> backups = new ArrayList<>();
        for (Path p : list(dir)) {
            backupTime(p.getFileName().toString()).ifPresent(t -> backups.add(new Backup(p, t)));
        }
        backups.sort(Comparator.comparing(Backup::time).reversed());
        List<Backup> kept = new ArrayList<>();
        if (maxBackups > 0) {
            // the newest max_backups distinct timestamps survive (clash-suffixed names share one)
            Set<Instant> seen = new HashSet<>();
            for (Backup b : backups) {
                seen.add(b.time);
                if (seen.size() <= maxBackups) {
                    kept.add(b);
                } else {
                    Files.deleteIfExists(b.path);
                }
            }
        } else {
            kept.addAll(backups);
        }
        if (maxDays > 0) {
            Instant cutoff = clock.instant().minus(Duration.ofHours(24L * maxDays));
            for (Backup b : kept) {
                if (b.time.isBefore(cutoff)) {
                    Files.deleteIfExists(b.path);
                }
            }
        }
    }

    /** The timestamp of a backup named {@code <prefix><timestamp>-<reason><ext>}. */
    private Optional<Instant> backupTime(String name) {
        if (!name.startsWith(prefix) || !name.endsWith(ext) || name.length() < prefix.length() + ext.length()) {
            return Optional.empty();
        }
        String middle = name.substring(prefix.length(), name.length() - ext.length());
        int hyphen = middle.lastIndexOf('-');
        return hyphen < 0 ? Optional.empty() : parseTime(middle.substring(0, hyphen));
    }

    private Optional<Instant> parseTime(String text) {
        try {
            return Optional.of(LocalDateTime.parse(text, BACKUP_TIME).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, Files::isRegularFile)) {
            entries.forEach(out::add);
        }
        return out;
    }

    private record Backup(Path path, Instant time) {
    }
}
