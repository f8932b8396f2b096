package io.otelier.receiver.prometheus.internal;

import java.nio.charset.StandardCharsets;

/** Prometheus's name rules: UTF-8 validation (its default since 3.0) and the legacy character set. */
final class PromNames {

    private PromNames() {
    }

    /** UTF-8 scheme: any non-empty valid UTF-8 string (Java strings from UTF-8 input always are). */
    static boolean isValidLabelName(String name) {
        return !name.isEmpty() && isWellFormed(name);
    }

    static boolean isValidMetricName(String name) {
        return isValidLabelName(name);
    }

    /** {@code [a-zA-Z_][a-zA-Z0-9_]*}: names that need no quoting in the text formats. */
    static boolean isLegacyLabelName(CharSequence name) {
        if (name.length() == 0) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return s.getBytes(StandardCharsets.UTF_8).length > 0;
    }
}
