package io.otelier.pdata.otlp;

import java.util.Objects;

/**
 * The {@code partial_success} of an OTLP export response: how many items the server rejected
 * ({@code rejected_spans}, {@code rejected_data_points} or {@code rejected_log_records}) and why. A response
 * without it reads as {@link #NONE}.
 *
 * @param rejected     items rejected by the server; 0 when everything was accepted
 * @param errorMessage a human-readable reason, or a warning when {@code rejected} is 0; never null
 */
public record PartialSuccess(long rejected, String errorMessage) {

    /** Full success: nothing rejected, no message. */
    public static final PartialSuccess NONE = new PartialSuccess(0, "");

    public PartialSuccess {
        Objects.requireNonNull(errorMessage, "errorMessage");
    }

    /** True when the server rejected nothing and said nothing: a plain success. */
    public boolean isEmpty() {
        return rejected == 0 && errorMessage.isEmpty();
    }
}
