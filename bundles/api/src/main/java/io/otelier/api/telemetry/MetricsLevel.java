package io.otelier.api.telemetry;

import java.util.Locale;
import java.util.Optional;

/** service.telemetry.metrics.level: how much internal telemetry to record. */
public enum MetricsLevel {
    NONE, BASIC, NORMAL, DETAILED;

    public static Optional<MetricsLevel> parse(String text) {
        try {
            return Optional.of(valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
