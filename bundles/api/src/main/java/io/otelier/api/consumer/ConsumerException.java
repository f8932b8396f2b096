package io.otelier.api.consumer;

/**
 * A refusal to accept data. Retryable unless it is a {@link PermanentException}; a retryable refusal may
 * carry a delay the sender asked for (throttling), which retry logic honours.
 */
public class ConsumerException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConsumerException(String message) {
        super(message);
    }

    public ConsumerException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Permanent errors are never retried: the same data will fail the same way. */
    public boolean isPermanent() {
        return false;
    }

    /** Wraps any throwable: a ConsumerException stays as it is, anything else becomes retryable. */
    public static ConsumerException of(Throwable t) {
        if (t instanceof ConsumerException ce) {
            return ce;
        }
        return new RetryableException(String.valueOf(t.getMessage()), t);
    }
}
