package io.otelier.extension.filestorage.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A store file that cannot be read as a store: not ours, or damaged other than by a crash. */
final class CorruptStoreException extends IOException {

    private static final long serialVersionUID = 1L;
    /** Upstream's Go layout "20060102T150405.000Z0700", in UTC: file-name safe on every OS. */
    private static final DateTimeFormatter BACKUP_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    CorruptStoreException(Path path, long offset, String problem) {
        super("storage file " + path + " is not readable: " + problem + " at offset " + offset
                + " (set recreate: true to move it aside and start a new one)");
    }

    /** Where recreate moves a corrupted file: {@code <file>.<timestamp>.backup}, as upstream names it. */
    static Path backupName(Path path) {
        return backupName(path, Clock.systemUTC());
    }

    static Path backupName(Path path, Clock clock) {
        return path.resolveSibling(path.getFileName() + "." + BACKUP_STAMP.format(clock.instant()) + ".backup");
    }
}
