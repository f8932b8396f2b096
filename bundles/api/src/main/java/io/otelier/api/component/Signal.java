package io.otelier.api.component;

import java.util.Locale;
import java.util.Optional;

/** A telemetry signal; the lower-case name is the pipeline type in the config ("traces"). */
public enum Signal {
    TRACES, METRICS, LOGS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Signal> fromId(String id) {
        for (Signal s : values()) {
            if (s.id().equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id();
    }
}
