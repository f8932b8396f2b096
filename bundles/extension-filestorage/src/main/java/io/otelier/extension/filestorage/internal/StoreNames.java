package io.otelier.extension.filestorage.internal;

import io.otelier.api.component.ComponentId;
import io.otelier.api.component.ComponentKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * File names of stores, as upstream's GetClient makes them: {@code <kind>_<type>_<name>[_<client name>]}, e.g.
 * {@code receiver_file_log_} for the unnamed main client of receiver {@code file_log}, sanitized so any
 * character outside {@code [A-Za-z0-9._-]} becomes {@code ~} and its code point in hex ({@code /} → {@code ~002F};
 * {@code ~} itself too, so sanitized names never collide with plain ones).
 */
final class StoreNames {

    /** The longest file name most file systems take, in bytes; longer names are replaced by their SHA-256. */
    static final int MAX_FILE_NAME = 255;

    private StoreNames() {
    }

    /** The sanitized name, before any length limit. */
    static String rawName(ComponentKind kind, ComponentId id, String clientName) {
        String raw = kind.singular() + "_" + id.type() + "_" + id.name();
        if (clientName != null && !clientName.isEmpty()) {
            raw += "_" + clientName;
        }
        return sanitize(raw);
    }

    static String sanitize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (isSafe(c)) {
                out.appendCodePoint(c);
            } else {
                out.append('~').append(String.format("%04X", c));
            }
        });
        return out.toString();
    }

    private static boolean isSafe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
                || c == '_';
    }

    static boolean tooLong(String fileName) {
        return fileName.getBytes(StandardCharsets.UTF_8).length > MAX_FILE_NAME;
    }

    /** Upstream's fallback for names the OS rejects as too long: the hex SHA-256 of the sanitized name. */
    static String hashed(String rawName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawName.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
