package io.otelier.helper.exporter.internal;

import io.otelier.helper.exporter.QueueSettings;
import io.otelier.pdata.Telemetry;
import java.util.function.ToLongFunction;

/** Upstream's request sizers: what one request weighs against {@code queue_size}. */
public final class Sizers {

    private Sizers() {
    }

    /**
     * The sizer for a validated {@code sizer} value.
     *
     * @param bytes the exporter's OTLP byte size; needed only for "bytes"
     * @throws IllegalArgumentException for "bytes" without a byte sizer (an exporter's mistake, not a user's)
     */
    public static <T extends Telemetry> ToLongFunction<? super T> of(String sizer, ToLongFunction<? super T> bytes) {
        return switch (sizer) {
            case QueueSettings.SIZER_REQUESTS -> data -> 1L;
            case QueueSettings.SIZER_ITEMS -> Telemetry::itemCount;
            case QueueSettings.SIZER_BYTES -> {
                if (bytes == null) {
                    throw new IllegalArgumentException(
                            "sizer \"bytes\" needs the exporter to give the helper a byte sizer");
                }
                yield bytes;
            }
            default -> throw new IllegalArgumentException("invalid sizer: \"" + sizer + "\"");
        };
    }
}
