package io.otelier.api.consumer;

/** A refusal that retrying cannot fix (malformed data, rejected by the backend as invalid). */
public class PermanentException extends ConsumerException {

    private static final long serialVersionUID = 1L;

    public PermanentException(String message) {
        super(message);
    }

    public PermanentException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isPermanent() {
        return true;
    }
}
