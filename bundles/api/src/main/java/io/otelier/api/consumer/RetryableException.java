package io.otelier.api.consumer;

import java.time.Duration;
import java.util.Optional;

/** A refusal that may succeed later (backend down, queue full, memory limit). */
public class RetryableException extends ConsumerException {

    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    public RetryableException(String message) {
        this(message, null, null);
    }

    public RetryableException(String message, Throwable cause) {
        this(message, cause, null);
    }

    public RetryableException(String message, Throwable cause, Duration retryAfter) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** The delay the receiving side asked for before the next attempt, if it gave one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
