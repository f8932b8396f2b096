package io.otelier.helper.grpc;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.PermanentException;
import io.otelier.api.consumer.RetryableException;
import io.otelier.helper.grpc.internal.StatusDetails;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * gRPC statuses and consumer errors, both ways, as upstream maps them: a receiver answers a refused request
 * with {@link #toStatus} (upstream otlpreceiver's {@code GetStatusFromError}), an exporter classifies a failed
 * call with {@link #toConsumerException} (upstream otlpexporter's {@code processError}).
 */
public final class GrpcErrors {

    private GrpcErrors() {
    }

    /**
     * The status a server answers with when its consumer refused the data. A status error passes as it is;
     * a permanent error becomes INTERNAL with upstream's {@code Permanent error: } prefix (it has no status of
     * its own, so upstream assumes it is server-side); anything else is retryable: UNAVAILABLE, with a
     * {@code google.rpc.RetryInfo} in the trailers when the error asks for a delay.
     */
    public static StatusRuntimeException toStatus(Throwable error) {
        if (error instanceof StatusRuntimeException sre) {
            return sre;
        }
        if (error instanceof StatusException se) {
            return se.getStatus().asRuntimeException(se.getTrailers());
        }
        String message = messageOf(error);
        if (error instanceof ConsumerException ce && ce.isPermanent()) {
            return Status.INTERNAL.withDescription("Permanent error: " + message).asRuntimeException();
        }
        Status unavailable = Status.UNAVAILABLE.withDescription(message);
        if (error instanceof RetryableException re && re.retryAfter().isPresent()) {
            Metadata trailers = new Metadata();
            trailers.put(StatusDetails.KEY, StatusDetails.withRetryInfo(Status.Code.UNAVAILABLE.value(), message,
                    re.retryAfter().get()));
            return unavailable.asRuntimeException(trailers);
        }
        return unavailable.asRuntimeException();
    }

    /**
     * How an exporter treats a failed call: CANCELLED, DEADLINE_EXCEEDED, ABORTED, OUT_OF_RANGE, UNAVAILABLE
     * and DATA_LOSS are retryable, RESOURCE_EXHAUSTED only when the server sent a {@code RetryInfo}; all other
     * codes are permanent. A {@code RetryInfo} delay becomes {@link RetryableException#retryAfter()} (the
     * server is throttling). The message is Go's rendering of the status
     * ({@code rpc error: code = Unavailable desc = …}), as upstream logs it.
     */
    public static ConsumerException toConsumerException(StatusRuntimeException error) {
        Status status = error.getStatus();
        Optional<Duration> retryInfo = retryDelay(error.getTrailers());
        String message = describe(status);
        boolean retryable = switch (status.getCode()) {
            case CANCELLED, DEADLINE_EXCEEDED, ABORTED, OUT_OF_RANGE, UNAVAILABLE, DATA_LOSS -> true;
            case RESOURCE_EXHAUSTED -> retryInfo.isPresent();
            default -> false;
        };
        if (!retryable) {
            return new PermanentException(message, error);
        }
        Duration throttle = retryInfo.filter(d -> !d.isZero() && !d.isNegative()).orElse(null);
        return new RetryableException(message, error, throttle);
    }

    /** The delay of a {@code google.rpc.RetryInfo} in the trailers; empty without one, zero when it has no delay. */
    public static Optional<Duration> retryDelay(Metadata trailers) {
        if (trailers == null) {
            return Optional.empty();
        }
        byte[] details = trailers.get(StatusDetails.KEY);
        return details == null ? Optional.empty() : StatusDetails.retryDelay(details);
    }

    /** Go's {@code status.Error} text: {@code rpc error: code = ResourceExhausted desc = too big}. */
    public static String describe(Status status) {
        String description = status.getDescription() == null ? "" : status.getDescription();
        return "rpc error: code = " + goCodeName(status.getCode()) + " desc = " + description;
    }

    /** Go's name of a status code ({@code codes.Code.String()}): {@code InvalidArgument}, {@code Canceled}, … */
    public static String goCodeName(Status.Code code) {
        if (code == Status.Code.CANCELLED) {
            return "Canceled";
        }
        if (code == Status.Code.OK) {
            return "OK";
        }
        StringBuilder name = new StringBuilder();
        for (String word : code.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    private static String messageOf(Throwable error) {
        return error.getMessage() != null ? error.getMessage() : error.toString();
    }
}
