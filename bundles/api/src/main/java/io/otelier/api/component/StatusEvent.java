package io.otelier.api.component;

import java.time.Instant;
import java.util.Objects;

/** One status change of a component instance, with the error that caused it if any. */
public record StatusEvent(ComponentStatus status, Throwable error, Instant timestamp) {

    public StatusEvent {
        Objects.requireNonNull(status, "status");
        timestamp = timestamp == null ? Instant.now() : timestamp;
    }

    public static StatusEvent of(ComponentStatus status) {
        return new StatusEvent(status, null, Instant.now());
    }

    public static StatusEvent error(ComponentStatus status, Throwable error) {
        return new StatusEvent(status, error, Instant.now());
    }
}
