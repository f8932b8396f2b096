package io.otelier.exporter.debug.internal;

import java.util.Locale;
import java.util.Optional;

/** How much the exporter prints per batch; upstream accepts the names in any case. */
enum Verbosity {
    /** The summary line only. */
    BASIC,
    /** The summary and about one line per span, data point or log record. */
    NORMAL,
    /** The summary and every field of every item. */
    DETAILED;

    static Optional<Verbosity> parse(String text) {
        for (Verbosity v : values()) {
            if (v.id().equalsIgnoreCase(text)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
