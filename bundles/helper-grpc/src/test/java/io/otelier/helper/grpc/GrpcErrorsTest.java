package io.otelier.helper.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.PermanentException;
import io.otelier.api.consumer.RetryableException;
import io.otelier.helper.grpc.internal.StatusDetails;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class GrpcErrorsTest {

    /** upstream otlpreceiver internal/errors Test_GetStatusFromError */
    @Test
    void serverSideMapping() {
        assertThat(status(Status.ABORTED.withDescription("test").asRuntimeException())).isEqualTo("ABORTED: test");
        assertThat(status(new PermanentException("test"))).isEqualTo("INTERNAL: Permanent error: test");
        assertThat(status(new RetryableException("test"))).isEqualTo("UNAVAILABLE: test");
        assertThat(status(new IllegalStateException("boom"))).isEqualTo("UNAVAILABLE: boom");
        assertThat(status(new NullPointerException())).isEqualTo("UNAVAILABLE: java.lang.NullPointerException");
    }

    @Test
    void aRequestedDelayTravelsAsRetryInfo() {
        StatusRuntimeException e = GrpcErrors.toStatus(new RetryableException("later", null, Duration.ofSeconds(2)));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(GrpcErrors.retryDelay(e.getTrailers())).contains(Duration.ofSeconds(2));
        assertThat(GrpcErrors.retryDelay(GrpcErrors.toStatus(new RetryableException("now")).getTrailers())).isEmpty();
    }

    /** upstream otlpexporter processError / shouldRetry */
    @ParameterizedTest
    @CsvSource({
        "CANCELLED, true", "DEADLINE_EXCEEDED, true", "ABORTED, true", "OUT_OF_RANGE, true", "UNAVAILABLE, true",
        "DATA_LOSS, true", "RESOURCE_EXHAUSTED, false", "INVALID_ARGUMENT, false", "INTERNAL, false",
        "UNKNOWN, false", "UNAUTHENTICATED, false", "PERMISSION_DENIED, false", "UNIMPLEMENTED, false",
        "NOT_FOUND, false",
    })
    void clientSideMapping(Status.Code code, boolean retryable) {
        ConsumerException e = GrpcErrors.toConsumerException(Status.fromCode(code).withDescription("x").asRuntimeException());

        assertThat(e.isPermanent()).isEqualTo(!retryable);
        assertThat(e).isInstanceOf(retryable ? RetryableException.class : PermanentException.class);
    }

    @Test
    void resourceExhaustedWithRetryInfoIsThrottled() {
        Metadata trailers = new Metadata();
        trailers.put(StatusDetails.KEY, StatusDetails.withRetryInfo(8, "quota", Duration.ofSeconds(7)));

        ConsumerException e = GrpcErrors.toConsumerException(
                Status.RESOURCE_EXHAUSTED.withDescription("quota").asRuntimeException(trailers));

        assertThat(e).isInstanceOfSatisfying(RetryableException.class,
                r -> assertThat(r.retryAfter()).contains(Duration.ofSeconds(7)));
        assertThat(e.getMessage()).isEqualTo("rpc error: code = ResourceExhausted desc = quota");
    }

    @Test
    void resourceExhaustedWithZeroDelayRetriesWithoutThrottle() {
        Metadata trailers = new Metadata();
        trailers.put(StatusDetails.KEY, StatusDetails.withRetryInfo(8, "", Duration.ZERO));

        ConsumerException e = GrpcErrors.toConsumerException(Status.RESOURCE_EXHAUSTED.asRuntimeException(trailers));

        assertThat(e).isInstanceOfSatisfying(RetryableException.class, r -> assertThat(r.retryAfter()).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Status.Code.class)
    void goNamesOfCodes(Status.Code code) {
        String expected = switch (code) {
            case OK -> "OK";
            case CANCELLED -> "Canceled";
            case UNKNOWN -> "Unknown";
            case INVALID_ARGUMENT -> "InvalidArgument";
            case DEADLINE_EXCEEDED -> "DeadlineExceeded";
            case NOT_FOUND -> "NotFound";
            case ALREADY_EXISTS -> "AlreadyExists";
            case PERMISSION_DENIED -> "PermissionDenied";
            case RESOURCE_EXHAUSTED -> "ResourceExhausted";
            case FAILED_PRECONDITION -> "FailedPrecondition";
            case ABORTED -> "Aborted";
            case OUT_OF_RANGE -> "OutOfRange";
            case UNIMPLEMENTED -> "Unimplemented";
            case INTERNAL -> "Internal";
            case UNAVAILABLE -> "Unavailable";
            case DATA_LOSS -> "DataLoss";
            case UNAUTHENTICATED -> "Unauthenticated";
        };
        assertThat(GrpcErrors.goCodeName(code)).isEqualTo(expected);
    }

    @Test
    void describeWithoutDescription() {
        assertThat(GrpcErrors.describe(Status.UNAVAILABLE)).isEqualTo("rpc error: code = Unavailable desc = ");
    }

    /** Status has no equals: compare code and description. */
    private static String status(Throwable t) {
        Status status = GrpcErrors.toStatus(t).getStatus();
        return status.getCode() + ": " + status.getDescription();
    }
}
