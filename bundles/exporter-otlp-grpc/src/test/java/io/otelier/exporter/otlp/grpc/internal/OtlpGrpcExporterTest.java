package io.otelier.exporter.otlp.grpc.internal;

import static io.otelier.testkit.Waiting.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.otelier.api.component.Signal;
import io.otelier.api.consumer.PermanentException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.api.exporter.Exporter;
import io.otelier.api.telemetry.Level;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import io.otelier.pdata.otlp.PartialSuccess;
import io.otelier.testkit.Ports;
import io.otelier.testkit.RecordingLogger;
import io.otelier.testkit.StartedComponents;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestTelemetry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The exporter against a real OTLP gRPC server on loopback. */
class OtlpGrpcExporterTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String WILL_RETRY = "Exporting failed. Will retry the request after interval.";

    private final Fixture f = new Fixture();
    private final StartedComponents started = new StartedComponents();
    private GrpcBackend backend;

    @AfterEach
    void stopAll() throws Exception {
        started.shutdownAll();
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void everySignalArrivesIntactGzippedWithTheConfiguredHeaders() throws Exception {
        backend = GrpcBackend.start();
        var config = Fixture.config(backend.endpoint()).headers(Map.of("x-tenant", "acme")).build();
        Exporter<Traces> traces = started.start(f.factory.createTraces(f.settings, config));
        Exporter<Metrics> metrics = started.start(f.factory.createMetrics(f.settings, config));
        Exporter<Logs> logs = started.start(f.factory.createLogs(f.settings, config));

        traces.consume(RequestContext.EMPTY, TestTelemetry.traces(5));
        metrics.consume(RequestContext.EMPTY, TestTelemetry.metrics());
        logs.consume(RequestContext.EMPTY, TestTelemetry.logs());

        assertThat(eventually(() -> f.obs.sent.get() == 5 + 3 + 2, WAIT)).as("sent: %s", f.obs.sent).isTrue();
        assertThat(backend.traces.received).containsExactly(TestTelemetry.traces(5));
        assertThat(backend.metrics.received).containsExactly(TestTelemetry.metrics());
        assertThat(backend.logs.received).containsExactly(TestTelemetry.logs());
        assertThat(backend.encodings).containsExactly("gzip", "gzip", "gzip");
        RequestContext call = backend.traces.contexts.get(0);
        assertThat(call.metadata("x-tenant")).containsExactly("acme");
        assertThat(call.metadata("user-agent")).singleElement().asString()
                .startsWith(f.settings.buildInfo().userAgent());
        assertThat(f.obs.sendFailed.get()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"none, identity", "zstd, zstd", "snappy, snappy", "gzip, gzip"})
    void requestsAreCompressedAsConfigured(String compression, String onTheWire) throws Exception {
        backend = GrpcBackend.start();
        Exporter<Traces> traces = started.start(f.factory.createTraces(f.settings,
                Fixture.config(backend.endpoint()).compression(compression).direct().build()));

        traces.consume(RequestContext.EMPTY, TestTelemetry.traces(50));

        assertThat(backend.encodings).containsExactly(onTheWire);
        assertThat(backend.traces.received).containsExactly(TestTelemetry.traces(50));
    }

    @Test
    void retryableFailuresAreRetriedUntilTheyGoThroughWithNothingLost() throws Exception {
        backend = GrpcBackend.start();
        backend.traces.failures.add(new RetryableException("data refused due to high memory usage"));
        backend.traces.failures.add(Status.ABORTED.withDescription("try again").asRuntimeException());
        backend.traces.failures.add(Status.DEADLINE_EXCEEDED.withDescription("slow").asRuntimeException());
        Exporter<Traces> traces = started.start(f.factory.createTraces(f.settings,
                Fixture.config(backend.endpoint()).build()));

        traces.consume(RequestContext.EMPTY, TestTelemetry.traces(4));

        assertThat(eventually(() -> f.obs.sent.get() == 4, WAIT)).isTrue();
        assertThat(backend.traces.received).containsExactly(TestTelemetry.traces(4));
        assertThat(backend.traces.attempts()).isEqualTo(4);
        assertThat(f.obs.sendFailed.get()).isZero();
        assertThat(f.logger().at(Level.INFO).stream().filter(e -> e.message().equals(WILL_RETRY))).hasSize(3);
    }

    @Test
    void aPermanentFailureIsDroppedAtOnceAndCounted() throws Exception {
        backend = GrpcBackend.start();
        backend.traces.failures.add(Status.INVALID_ARGUMENT.withDescription("span without a name").asRuntimeException());
        Exporter<Traces> traces = started.start(f.factory.createTraces(f.settings,
                Fixture.config(backend.endpoint()).build()));

        traces.consume(RequestContext.EMPTY, TestTelemetry.traces(3));

        assertThat(eventually(() -> f.obs.sendFailed.get() == 3, WAIT)).isTrue();
        Thread.sleep(200); // a retry would come after 20ms
        assertThat(backend.traces.attempts()).isEqualTo(1);
        assertThat(backend.traces.received).isEmpty();
        assertThat(f.obs.sent.get()).isZero();
        RecordingLogger.Entry dropped = f.logger().at(Level.ERROR).stream()
                .filter(e -> e.message().equals("Exporting failed. Dropping data.")).findFirst().orElseThrow();
        assertThat(dropped.error()).hasMessageContaining("rpc error: code = InvalidArgument desc = span without a name");
    }

    static Stream<Arguments> statusCodes() {
        return Stream.of(
                Arguments.of(Status.Code.UNAVAILABLE, "Unavailable", true),
                Arguments.of(Status.Code.DEADLINE_EXCEEDED, "DeadlineExceeded", true),
                Arguments.of(Status.Code.ABORTED, "Aborted", true),
                Arguments.of(Status.Code.OUT_OF_RANGE, "OutOfRange", true),
                Arguments.of(Status.Code.DATA_LOSS, "DataLoss", true),
                Arguments.of(Status.Code.CANCELLED, "Canceled", true),
                Arguments.of(Status.Code.RESOURCE_EXHAUSTED, "ResourceExhausted", false),
                Arguments.of(Status.Code.INVALID_ARGUMENT, "InvalidArgument", false),
                Arguments.of(Status.Code.INTERNAL, "Internal", false),
                Arguments.of(Status.Code.UNKNOWN, "Unknown", false),
                Arguments.of(Status.Code.UNAUTHENTICATED, "Unauthenticated", false),
                Arguments.of(Status.Code.PERMISSION_DENIED, "PermissionDenied", false),
                Arguments.of(Status.Code.NOT_FOUND, "NotFound", false),
                Arguments.of(Status.Code.FAILED_PRECONDITION, "FailedPrecondition", false),
                Arguments.of(Status.Code.UNIMPLEMENTED, "Unimplemented", false));
    }

    @ParameterizedTest(name = "{0} retryable={2}")
    @MethodSource("statusCodes")
    void statusesAreClassifiedAsUpstreamsShouldRetry(Status.Code code, String goName, boolean retryable)
            throws Exception {
        backend = GrpcBackend.start();
        backend.traces.failures.add(Status.fromCode(code).withDescription("refused").asRuntimeException());
        Exporter<Traces> traces = started.start(f.factory.createTraces(f.settings,
                Fixture.config(backend.endpoint()).direct().build()));

        assertThatThrownBy(() -> traces.consume(RequestContext.EMPTY, TestTelemetry.traces(2)))
                .isInstanceOf(retryable ? RetryableException.class : PermanentException.class)
                .hasMessage("rpc error: code = " + goName + " desc = refused");
        assertThat(f.obs.sendFailed.get()).isEqualTo(2);
    }

    @Test
    void resourceExhaustedWithRetryInfoIsRetryableAndCarriesTheDelay() throws Exception {
        backend = GrpcBackend.start();
        backend.traces.failures.add(GrpcBackend.withRetryInfo(Status.Code.RESOURCE_EXHAUSTED, "over quota",
                Duration.ofMillis(1500)));
        Exporter<Traces> traces = started.start(f.factory.createTraces(f.settings,
                Fixture.config(backend.endpoint()).direct().build()));

        assertThatThrownBy(() -> traces.consume(RequestContext.EMPTY, TestTelemetry.traces(1)))
                .isInstanceOfSatisfying(RetryableException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofMillis(1500)));
    }

    @Test
    void theServersRetryInfoDelayIsHonoured() throws Exception {
        backend = GrpcBackend.start();
        Duration throttle = Duration.ofMillis(600);
        backend.traces.failures.add(GrpcBackend.withRetryInfo(Status.Code.RESOURCE_EXHAUSTED, "over quota", throttle));
        Exporter<Traces> traces = started.start(f.factory.createTraces(f.settings,
                Fixture.config(backend.endpoint()).build()));

        traces.consume(RequestContext.EMPTY, TestTelemetry.traces(2));

        assertThat(eventually(() -> f.obs.sent.get() == 2, WAIT)).isTrue();
        List<Long> attempts = backend.traces.attemptNanos;
        assertThat(attempts).hasSize(2);
        assertThat(Duration.ofNanos(attempts.get(1) - attempts.get(0))).as("wait before the retry")
                .isGreaterThanOrEqualTo(throttle.minusMillis(20));
    }

    @Test
    void eachAttemptGetsTheTimeoutAsItsDeadline() throws Exception {
        backend = GrpcBackend.start();
        backend.traces.delay = Duration.ofSeconds(1);
        Exporter<Traces> traces = started.start(f.factory.createTraces(f.settings,
                Fixture.config(backend.endpoint()).timeout(Duration.ofMillis(200)).direct().build()));

        long begin = System.nanoTime();
        assertThatThrownBy(() -> traces.consume(RequestContext.EMPTY, TestTelemetry.traces(1)))
                .isInstanceOf(RetryableException.class)
                .hasMessageStartingWith("rpc error: code = DeadlineExceeded desc = ");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofMillis(900));
        // let the server finish the call the client gave up on before it is stopped
        assertThat(eventually(() -> backend.traces.received.size() == 1, WAIT)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"traces, dropped_spans", "metrics, dropped_data_points", "logs, dropped_log_records"})
    void aPartialSuccessIsLoggedWithTheDroppedCount(String signal, String field) throws Exception {
        backend = GrpcBackend.start();
        PartialSuccess partial = new PartialSuccess(2, "2 items had no name");
        backend.traces.answer = partial;
        backend.metrics.answer = partial;
        backend.logs.answer = partial;
        var config = Fixture.config(backend.endpoint()).direct().build();

        started.startAndConsume(f.factory, Signal.fromId(signal).orElseThrow(), f.settings, config);

        assertThat(f.logger().at(Level.WARN)).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo("Partial success response");
            assertThat(e.fields()).containsExactly("message", "2 items had no name", field, 2L);
        });
        assertThat(f.obs.sendFailed.get()).as("a partial success is a success").isZero();
    }

    @Test
    void anUnresolvableHostnameDoesNotFailStartAndIsRetried() throws Exception {
        // the hands-on's backend, which does not exist here
        var config = Fixture.config("jaeger-collector.jaeger:14250").build();
        Exporter<Traces> traces = f.factory.createTraces(f.settings, config);

        assertThatCode(() -> traces.start(new TestHost())).doesNotThrowAnyException();
        assertThatCode(() -> traces.consume(RequestContext.EMPTY, TestTelemetry.traces(3))).doesNotThrowAnyException();

        assertThat(eventually(() -> f.logger().contains(WILL_RETRY), WAIT)).isTrue();
        RecordingLogger.Entry retry = f.logger().entries().stream().filter(e -> e.message().equals(WILL_RETRY))
                .findFirst().orElseThrow();
        assertThat(retry.error()).isInstanceOf(RetryableException.class)
                .hasMessageStartingWith("rpc error: code = Unavailable desc = ");
        long begin = System.nanoTime();
        traces.shutdown();
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(10));
        assertThat(f.obs.sendFailed.get()).as("dropped at shutdown, counted").isEqualTo(3);
    }

    @Test
    void dataWaitsForABackendThatComesUpLater() throws Exception {
        int port = Ports.freeLoopbackPort();
        Exporter<Traces> traces = started.start(f.factory.createTraces(f.settings,
                Fixture.config("127.0.0.1:" + port).build()));

        traces.consume(RequestContext.EMPTY, TestTelemetry.traces(3));
        assertThat(eventually(() -> f.logger().contains(WILL_RETRY), WAIT)).isTrue();
        backend = GrpcBackend.start(port);

        assertThat(eventually(() -> f.obs.sent.get() == 3, WAIT)).isTrue();
        assertThat(backend.traces.received).containsExactly(TestTelemetry.traces(3));
        assertThat(f.obs.sendFailed.get()).isZero();
    }
}
