package io.otelier.helper.fileconsumer.internal;

import io.otelier.helper.fileconsumer.FileConsumerConfig;
import io.otelier.helper.fileconsumer.Token;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The include_file_* attributes of one file (upstream attrs.Resolver). */
public final class FileAttributes {

    private final FileConsumerConfig config;

    public FileAttributes(FileConsumerConfig config) {
        this.config = config;
    }

    /** @throws IOException when a requested attribute cannot be resolved (a dangling link, no owner) */
    public Map<String, Object> resolve(String path) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        Path p = Path.of(path);
        if (config.includeFileName()) {
            out.put(Token.LOG_FILE_NAME, p.getFileName().toString());
        }
        if (config.includeFilePath()) {
            out.put(Token.LOG_FILE_PATH, path);
        }
        if (config.includeFileOwnerName() || config.includeFileOwnerGroupName() || config.includeFilePermissions()) {
            PosixFileAttributes posix = Files.readAttributes(p, PosixFileAttributes.class);
            if (config.includeFilePermissions()) {
                out.put(Token.LOG_FILE_PERMISSIONS, String.format("%03o", modeBits(posix.permissions())));
            }
            if (config.includeFileOwnerName()) {
                out.put(Token.LOG_FILE_OWNER_NAME, posix.owner().getName());
            }
            if (config.includeFileOwnerGroupName()) {
                out.put(Token.LOG_FILE_OWNER_GROUP_NAME, posix.group().getName());
            }
        }
        if (config.includeFileNameResolved() || config.includeFilePathResolved()) {
            Path resolved = p.toRealPath().toAbsolutePath();
            if (config.includeFileNameResolved()) {
                out.put(Token.LOG_FILE_NAME_RESOLVED, resolved.getFileName().toString());
            }
            if (config.includeFilePathResolved()) {
                out.put(Token.LOG_FILE_PATH_RESOLVED, resolved.toString());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static int modeBits(Set<PosixFilePermission> permissions) {
        int bits = 0;
        for (PosixFilePermission p : permissions) {
            bits |= 1 << (8 - p.ordinal());
        }
        return bits;
    }
}
