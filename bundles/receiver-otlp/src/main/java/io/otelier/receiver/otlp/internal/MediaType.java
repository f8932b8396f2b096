package io.otelier.receiver.otlp.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The media type of a Content-Type header as Go's {@code mime.ParseMediaType} reads it: lower-cased, without
 * parameters, and empty when the header does not parse (a malformed parameter included) — upstream then answers
 * 415 however good the type itself looks.
 */
final class MediaType {

    private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";

    private MediaType() {
    }

    static String of(String contentType) {
        int semicolon = contentType.indexOf(';');
        String base = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        String mediaType = base.toLowerCase(Locale.ROOT).strip();
        if (!validType(mediaType) || !validParameters(contentType.substring(base.length()))) {
            return "";
        }
        return mediaType;
    }

    /** {@code token [ "/" token ]}: Go's {@code checkMediaTypeDisposition}. */
    private static boolean validType(String s) {
        int end = tokenEnd(s, 0);
        if (end == 0) {
            return false;
        }
        if (end == s.length()) {
            return true;
        }
        if (s.charAt(end) != '/') {
            return false;
        }
        int subtypeEnd = tokenEnd(s, end + 1);
        return subtypeEnd > end + 1 && subtypeEnd == s.length();
    }

    /** {@code *( ";" token "=" ( token | quoted-string ) )}, a trailing ";" allowed, repeated names equal. */
    private static boolean validParameters(String v) {
        Map<String, String> seen = new HashMap<>();
        int i = 0;
        while (true) {
            i = skipSpace(v, i);
            if (i == v.length()) {
                return true;
            }
            if (v.charAt(i) != ';') {
                return false;
            }
            int nameStart = skipSpace(v, i + 1);
            int nameEnd = tokenEnd(v, nameStart);
            if (nameEnd == nameStart) {
                return v.substring(i).strip().equals(";"); // Go ignores trailing semicolons
            }
            int equals = skipSpace(v, nameEnd);
            if (equals == v.length() || v.charAt(equals) != '=') {
                return false;
            }
            int valueStart = skipSpace(v, equals + 1);
            int valueEnd = valueStart < v.length() && v.charAt(valueStart) == '"'
                    ? quotedEnd(v, valueStart) : tokenEnd(v, valueStart);
            if (valueEnd <= valueStart) {
                return false;
            }
            String name = v.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
            String value = v.substring(valueStart, valueEnd);
            String before = seen.putIfAbsent(name, value);
            if (before != null && !before.equals(value)) {
                return false; // "mime: duplicate parameter name"
            }
            i = valueEnd;
        }
    }

    private static int tokenEnd(String s, int from) {
        int i = from;
        while (i < s.length() && isTokenChar(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Index after the closing quote, or -1 when the string never closes. */
    private static int quotedEnd(String s, int openQuote) {
        for (int i = openQuote + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < s.length() && TSPECIALS.indexOf(s.charAt(i + 1)) >= 0) {
                i++;
            }
        }
        return -1;
    }

    private static int skipSpace(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isTokenChar(char c) {
        return c > 0x20 && c < 0x7f && TSPECIALS.indexOf(c) < 0;
    }
}
