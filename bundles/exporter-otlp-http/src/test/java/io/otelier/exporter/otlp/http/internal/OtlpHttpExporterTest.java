package io.otelier.exporter.otlp.http.internal;

import static io.otelier.testkit.Waiting.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.CodedOutputStream;
import io.otelier.api.component.Signal;
import io.otelier.api.consumer.PermanentException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.api.exporter.Exporter;
import io.otelier.api.telemetry.Level;
import io.otelier.helper.http.HttpResponse;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import io.otelier.pdata.otlp.OtlpJson;
import io.otelier.pdata.otlp.OtlpProto;
import io.otelier.testkit.Ports;
import io.otelier.testkit.RecordingLogger;
import io.otelier.testkit.StartedComponents;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestTelemetry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The exporter against a real HTTP server on loopback. */
class OtlpHttpExporterTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String WILL_RETRY = "Exporting failed. Will retry the request after interval.";

    private final Fixture f = new Fixture();
    private final StartedComponents started = new StartedComponents();
    private HttpBackend backend;

    @AfterEach
    void stopAll() throws Exception {
        started.shutdownAll();
        if (backend != null) {
            backend.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"proto, application/x-protobuf", "json, application/json"})
    void everySignalArrivesIntactGzippedWithTheConfiguredHeaders(String encoding, String contentType)
            throws Exception {
        backend = HttpBackend.start();
        var config = Fixture.config(backend.url()).encoding(encoding).headers(Map.of("X-Tenant", "acme")).build();
        Exporter<Traces> traces = started.start(f.factory.createTraces(f.settings, config));
        Exporter<Metrics> metrics = started.start(f.factory.createMetrics(f.settings, config));
        Exporter<Logs> logs = started.start(f.factory.createLogs(f.settings, config));

        traces.consume(RequestContext.EMPTY, TestTelemetry.traces(5));
        metrics.consume(RequestContext.EMPTY, TestTelemetry.metrics());
        logs.consume(RequestContext.EMPTY, TestTelemetry.logs());

        assertThat(eventually(() -> f.obs.sent.get() == 5 + 3 + 2, WAIT)).as("sent: %s", f.obs.sent).isTrue();
        assertThat(backend.traces.data()).containsExactly(TestTelemetry.traces(5));
        assertThat(backend.metrics.data()).containsExactly(TestTelemetry.metrics());
        assertThat(backend.logs.data()).containsExactly(TestTelemetry.logs());
        HttpBackend.Received<Traces> request = backend.traces.received.get(0);
        assertThat(request.path()).isEqualTo("/v1/traces");
        assertThat(request.contentType()).isEqualTo(contentType);
        RequestContext headers = request.context();
        assertThat(headers.metadata("content-encoding")).containsExactly("gzip");
        assertThat(headers.metadata("x-tenant")).containsExactly("acme");
        assertThat(headers.metadata("user-agent")).singleElement().asString()
                .startsWith(f.settings.buildInfo().userAgent());
        assertThat(backend.metrics.received.get(0).path()).isEqualTo("/v1/metrics");
        assertThat(backend.logs.received.get(0).path()).isEqualTo("/v1/logs");
        assertThat(f.obs.sendFailed.get()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"none, ''", "zstd, zstd", "snappy, snappy"})
    void bodiesAreCompressedAsConfigured(String compression, String contentEncoding) throws Exception {
        backend = HttpBackend.start();
        Exporter<Traces> traces = started.start(f.factory.createTraces(f.settings,
                Fixture.config(backend.url()).compression(compression).direct().build()));

        traces.consume(RequestContext.EMPTY, TestTelemetry.traces(50));

        RequestContext headers = backend.traces.received.get(0).context();
        assertThat(headers.metadata("content-encoding"))
                .isEqualTo(contentEncoding.isEmpty() ? List.of() : List.of(contentEncoding));
        assertThat(backend.traces.data()).containsExactly(TestTelemetry.traces(50));
    }

    @Test
    void aSignalEndpointOverridesTheBaseUrl() throws Exception {
        backend = HttpBackend.start();
        Exporter<Traces> traces = started.start(f.factory.createTraces(f.settings,
                Fixture.config("http://127.0.0.1:9").tracesEndpoint(backend.url() + "/custom/traces").direct().build()));

        traces.consume(RequestContext.EMPTY, TestTelemetry.traces(1));

        assertThat(backend.traces.received).singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo("/custom/traces"));
    }

    @Test
    void retryableStatusesAreRetriedUntilTheyGoThroughWithNothingLost() throws Exception {
        backend = HttpBackend.start();
        for (int status : new int[] {503, 502, 504, 429}) {
            backend.traces.script.add(HttpResponse.error(status, "not now"));
        }
        Exporter<Traces> traces = started.start(f.factory.createTraces(f.settings,
                Fixture.config(backend.url()).build()));

        traces.consume(RequestContext.EMPTY, TestTelemetry.traces(4));

        assertThat(eventually(() -> f.obs.sent.get() == 4, WAIT)).isTrue();
        assertThat(backend.traces.data()).containsExactly(TestTelemetry.traces(4));
        assertThat(backend.traces.attempts()).isEqualTo(5);
        assertThat(f.obs.sendFailed.get()).isZero();
        assertThat(f.logger().entries().stream().filter(e -> e.message().equals(WILL_RETRY))).hasSize(4);
    }

    @Test
    void aPermanentStatusIsDroppedAtOnceAndCountedWithTheServersMessage() throws Exception {
        backend = HttpBackend.start();
        backend.traces.script.add(HttpResponse.of(400, ExportResponses.PROTOBUF, rpcStatus(3, "span without a name")));
        Exporter<Traces> traces = started.start(f.factory.createTraces(f.settings,
                Fixture.config(backend.url()).build()));

        traces.consume(RequestContext.EMPTY, TestTelemetry.traces(3));

        assertThat(eventually(() -> f.obs.sendFailed.get() == 3, WAIT)).isTrue();
        Thread.sleep(200); // a retry would come after 20ms
        assertThat(backend.traces.attempts()).isEqualTo(1);
        assertThat(f.obs.sent.get()).isZero();
        RecordingLogger.Entry dropped = f.logger().at(Level.ERROR).stream()
                .filter(e -> e.message().equals("Exporting failed. Dropping data.")).findFirst().orElseThrow();
        assertThat(dropped.error()).isInstanceOf(PermanentException.class).hasMessageEndingWith(
                "rpc error: code = InvalidArgument desc = error exporting items, request to " + backend.url()
                        + "/v1/traces responded with HTTP Status Code 400, Message=span without a name, Details=[]");
    }

    @ParameterizedTest(name = "{0} retryable={2}")
    @CsvSource({
            "400, InvalidArgument, false", "401, Unauthenticated, false", "403, PermissionDenied, false",
            "404, Unimplemented, false", "413, Unknown, false", "500, Unknown, false", "501, Unknown, false",
            "429, ResourceExhausted, true", "502, Unavailable, true", "503, Unavailable, true",
            "504, Unavailable, true"})
    void statusesAreClassifiedAsTheOtlpSpecSays(int status, String code, boolean retryable) throws Exception {
        backend = HttpBackend.start();
        backend.traces.script.add(HttpResponse.error(status, "refused"));
        Exporter<Traces> traces = started.start(f.factory.createTraces(f.settings,
                Fixture.config(backend.url()).direct().build()));

        assertThatThrownBy(() -> traces.consume(RequestContext.EMPTY, TestTelemetry.traces(2)))
                .isInstanceOf(retryable ? RetryableException.class : PermanentException.class)
                .hasMessage("rpc error: code = " + code + " desc = error exporting items, request to " + backend.url()
                        + "/v1/traces responded with HTTP Status Code " + status);
        assertThat(f.obs.sendFailed.get()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 503})
    void retryAfterIsHonoured(int status) throws Exception {
        backend = HttpBackend.start();
        backend.traces.script.add(HttpResponse.error(status, "slow down").withHeader("Retry-After", "1"));
        Exporter<Traces> traces = started.start(f.factory.createTraces(f.settings,
                Fixture.config(backend.url()).build()));

        traces.consume(RequestContext.EMPTY, TestTelemetry.traces(2));

        assertThat(eventually(() -> f.obs.sent.get() == 2, WAIT)).isTrue();
        List<Long> attempts = backend.traces.attemptNanos;
        assertThat(attempts).hasSize(2);
        assertThat(Duration.ofNanos(attempts.get(1) - attempts.get(0))).as("wait before the retry")
                .isGreaterThanOrEqualTo(Duration.ofMillis(980));
    }

    @Test
    void retryAfterOnA502IsNotAThrottle() throws Exception {
        backend = HttpBackend.start();
        backend.traces.script.add(HttpResponse.error(502, "bad gateway").withHeader("Retry-After", "30"));
        Exporter<Traces> traces = started.start(f.factory.createTraces(f.settings,
                Fixture.config(backend.url()).direct().build()));

        assertThatThrownBy(() -> traces.consume(RequestContext.EMPTY, TestTelemetry.traces(1)))
                .isInstanceOfSatisfying(RetryableException.class, e -> assertThat(e.retryAfter()).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"traces, dropped_spans, proto", "metrics, dropped_data_points, json", "logs, dropped_log_records, proto"})
    void aPartialSuccessIsLoggedWithTheDroppedCount(String signal, String field, String responseEncoding)
            throws Exception {
        backend = HttpBackend.start();
        byte[] body = switch (signal) {
            case "traces" -> responseEncoding.equals("json")
                    ? OtlpJson.encodeExportResponse(Traces.class, 2, "2 items had no name")
                    : OtlpProto.encodeExportResponse(2, "2 items had no name");
            case "metrics" -> OtlpJson.encodeExportResponse(Metrics.class, 2, "2 items had no name");
            default -> OtlpProto.encodeExportResponse(2, "2 items had no name");
        };
        HttpResponse partial = HttpResponse.of(200,
                responseEncoding.equals("json") ? ExportResponses.JSON : ExportResponses.PROTOBUF, body);
        backend.traces.answer = partial;
        backend.metrics.answer = partial;
        backend.logs.answer = partial;
        var config = Fixture.config(backend.url()).direct().build();

        started.startAndConsume(f.factory, Signal.fromId(signal).orElseThrow(), f.settings, config);

        assertThat(f.logger().at(Level.WARN)).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo("Partial success response");
            assertThat(e.fields()).containsExactly("message", "2 items had no name", field, 2L);
        });
        assertThat(f.obs.sendFailed.get()).as("a partial success is a success").isZero();
    }

    @Test
    void anUndecodableSuccessBodyIsAPermanentErrorAsUpstream() throws Exception {
        backend = HttpBackend.start();
        backend.traces.answer = HttpResponse.of(200, ExportResponses.PROTOBUF, new byte[] {0x0a, 0x7f});
        Exporter<Traces> traces = started.start(f.factory.createTraces(f.settings,
                Fixture.config(backend.url()).direct().build()));

        assertThatThrownBy(() -> traces.consume(RequestContext.EMPTY, TestTelemetry.traces(1)))
                .isInstanceOf(PermanentException.class).hasMessageStartingWith("error parsing protobuf response: ");
    }

    @Test
    void theClientTimeoutBoundsAnAttemptAndIsRetryable() throws Exception {
        // a listening socket nobody reads from: the connection is made, no answer ever comes
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String url = "http://127.0.0.1:" + silent.getLocalPort();
            Exporter<Traces> traces = started.start(f.factory.createTraces(f.settings,
                    Fixture.config(url).timeout(Duration.ofMillis(300)).direct().build()));

            long begin = System.nanoTime();
            assertThatThrownBy(() -> traces.consume(RequestContext.EMPTY, TestTelemetry.traces(1)))
                    .isInstanceOf(RetryableException.class)
                    .hasMessageStartingWith("failed to make an HTTP request: Post \"" + url
                            + "/v1/traces\": HttpTimeoutException");
            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void anUnresolvableHostnameDoesNotFailStartAndIsRetried() throws Exception {
        var config = Fixture.config("http://jaeger-collector.jaeger:4318").build();
        Exporter<Traces> traces = f.factory.createTraces(f.settings, config);

        assertThatCode(() -> traces.start(new TestHost())).doesNotThrowAnyException();
        assertThatCode(() -> traces.consume(RequestContext.EMPTY, TestTelemetry.traces(3))).doesNotThrowAnyException();

        assertThat(eventually(() -> f.logger().contains(WILL_RETRY), WAIT)).isTrue();
        RecordingLogger.Entry retry = f.logger().entries().stream().filter(e -> e.message().equals(WILL_RETRY))
                .findFirst().orElseThrow();
        assertThat(retry.error()).isInstanceOf(RetryableException.class).hasMessageStartingWith(
                "failed to make an HTTP request: Post \"http://jaeger-collector.jaeger:4318/v1/traces\": ");
        long begin = System.nanoTime();
        traces.shutdown();
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(10));
        assertThat(f.obs.sendFailed.get()).as("dropped at shutdown, counted").isEqualTo(3);
    }

    @Test
    void dataWaitsForABackendThatComesUpLater() throws Exception {
        int port = Ports.freeLoopbackPort();
        Exporter<Traces> traces = started.start(f.factory.createTraces(f.settings,
                Fixture.config("http://127.0.0.1:" + port).build()));

        traces.consume(RequestContext.EMPTY, TestTelemetry.traces(3));
        assertThat(eventually(() -> f.logger().contains(WILL_RETRY), WAIT)).isTrue();
        backend = HttpBackend.start(port);

        assertThat(eventually(() -> f.obs.sent.get() == 3, WAIT)).isTrue();
        assertThat(backend.traces.data()).containsExactly(TestTelemetry.traces(3));
        assertThat(f.obs.sendFailed.get()).isZero();
    }

    /** A google.rpc.Status{code, message} body, as an OTLP receiver writes it. */
    static byte[] rpcStatus(int code, String message) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.writeInt32(1, code);
        out.writeString(2, message);
        out.flush();
        return bytes.toByteArray();
    }
}
