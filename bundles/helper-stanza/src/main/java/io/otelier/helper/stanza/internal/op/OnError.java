package io.otelier.helper.stanza.internal.op;

import java.util.Locale;

/** What an operator does with an entry it failed to process (docs/types/on_error.md). */
public enum OnError {
    SEND, SEND_QUIET, DROP, DROP_QUIET;

    public static OnError read(Conf conf) {
        String value = conf.string("on_error", "send");
        return switch (value) {
            case "send" -> SEND;
            case "send_quiet" -> SEND_QUIET;
            case "drop" -> DROP;
            case "drop_quiet" -> DROP_QUIET;
            default -> throw conf.fail("on_error", "operator config has an invalid `on_error` field: \"" + value
                    + "\" (valid: send, send_quiet, drop, drop_quiet)");
        };
    }

    public boolean sends() {
        return this == SEND || this == SEND_QUIET;
    }

    public boolean quiet() {
        return this == SEND_QUIET || this == DROP_QUIET;
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
