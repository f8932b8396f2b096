package io.otelier.helper.fileconsumer.internal;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;

/**
 * Upstream's {@code textutils.LookupEncoding}: a few fixed names, then IANA names. "nop" keeps the bytes as they are
 * (bodies become byte arrays and the file is not split into lines). Upstream reads "utf-16" as little endian without
 * BOM handling, and "ascii" as UTF-8; both are kept. Invalid input becomes U+FFFD, as Go's decoders do.
 */
public final class Encodings {

    /** A charset, or {@code null} for nop. */
    public record Encoding(String name, Charset charset) {

        public boolean isNop() {
            return charset == null;
        }

        /** How "\n" is written in this encoding, the byte sequence lines are split on. */
        public byte[] newline() {
            return isNop() ? new byte[] {'\n'} : "\n".getBytes(charset);
        }

        public byte[] carriageReturn() {
            return isNop() ? new byte[] {'\r'} : "\r".getBytes(charset);
        }
    }

    private static final Map<String, Charset> OVERRIDES = Map.of(
            "utf-16", StandardCharsets.UTF_16LE,
            "utf16", StandardCharsets.UTF_16LE,
            "utf-8", StandardCharsets.UTF_8,
            "utf8", StandardCharsets.UTF_8,
            // upstream keeps invalid bytes as they are; a Java string cannot, so they become U+FFFD as with utf-8
            "utf-8-raw", StandardCharsets.UTF_8,
            "utf8-raw", StandardCharsets.UTF_8,
            "ascii", StandardCharsets.UTF_8,
            "us-ascii", StandardCharsets.UTF_8,
            "", StandardCharsets.UTF_8);

    private Encodings() {
    }

    /** @throws IllegalArgumentException "unsupported encoding 'x'" as upstream */
    public static Encoding lookup(String name) {
        String key = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (key.equals("nop")) {
            return new Encoding("nop", null);
        }
        Charset fixed = OVERRIDES.get(key);
        if (fixed != null) {
            return new Encoding(key, fixed);
        }
        try {
            return new Encoding(key, Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("unsupported encoding '" + name + "'");
        }
    }

    public static boolean isNop(String name) {
        try {
            return lookup(name).isNop();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
