package io.otelier.api.telemetry;

import java.util.Locale;
import java.util.Optional;

/** Log levels, named as upstream's service.telemetry.logs.level accepts them. */
public enum Level {
    DEBUG, INFO, WARN, ERROR;

    public static Optional<Level> parse(String text) {
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
