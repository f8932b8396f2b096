package io.otelier.helper.http.internal;

import java.io.IOException;

/** A request body, received or decompressed, passed {@code max_request_body_size}. */
public final class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Go's {@code http.MaxBytesError} text, which upstream receivers pass on. */
    public static final String MESSAGE = "http: request body too large";

    public BodyTooLargeException() {
        super(MESSAGE);
    }
}
