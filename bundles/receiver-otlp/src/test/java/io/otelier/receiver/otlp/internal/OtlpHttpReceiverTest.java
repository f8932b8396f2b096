package io.otelier.receiver.otlp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.consumer.PermanentException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import io.otelier.pdata.otlp.OtlpJson;
import io.otelier.pdata.otlp.OtlpProto;
import io.otelier.testkit.SinkConsumer;
import io.otelier.testkit.TestHost;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** OTLP/HTTP against a real server on loopback: upstream's otlphttp.go behaviour, answer by answer. */
class OtlpHttpReceiverTest {

    private static final String PROTO = "application/x-protobuf";
    private static final String JSON = "application/json";

    private final Fixture fixture = new Fixture();

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private Fixture started() throws Exception {
        return fixture.start(Fixture.config(null, Fixture.httpOnLoopback()));
    }

    private Fixture started(HttpConfig http) throws Exception {
        return fixture.start(Fixture.config(null, http));
    }

    /** One signal as sent: its path, its data, both encodings of it. */
    record Case(String path, Telemetry data, byte[] proto, byte[] json) {
        static Case traces() {
            Traces t = TestData.traces(3);
            return new Case("/v1/traces", t, OtlpProto.encode(t), OtlpJson.encode(t));
        }

        static Case metrics() {
            Metrics m = TestData.metrics();
            return new Case("/v1/metrics", m, OtlpProto.encode(m), OtlpJson.encode(m));
        }

        static Case logs() {
            Logs l = TestData.logs();
            return new Case("/v1/logs", l, OtlpProto.encode(l), OtlpJson.encode(l));
        }

        byte[] body(String contentType) {
            return contentType.startsWith(PROTO) ? proto : json;
        }

        @Override
        public String toString() {
            return path;
        }
    }

    static Stream<Arguments> signalsAndEncodings() {
        return Stream.of(Case.traces(), Case.metrics(), Case.logs())
                .flatMap(c -> Stream.of(Arguments.of(c, PROTO), Arguments.of(c, JSON)));
    }

    private SinkConsumer<? extends Telemetry> sinkFor(Telemetry data) {
        if (data instanceof Traces) {
            return fixture.traces;
        }
        return data instanceof Metrics ? fixture.metrics : fixture.logs;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("signalsAndEncodings")
    void eachSignalArrivesIntactAndIsAnsweredInItsEncoding(Case c, String contentType) throws Exception {
        started();

        RawHttp.Response response = RawHttp.post(fixture.http(), c.path(), contentType, c.body(contentType));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo(contentType);
        if (contentType.equals(PROTO)) {
            assertThat(response.body()).as("an empty Export*ServiceResponse").isEmpty();
        } else {
            assertThat(response.text()).isEqualTo("{}");
        }
        SinkConsumer<? extends Telemetry> sink = sinkFor(c.data());
        assertThat(List.<Telemetry>copyOf(sink.received())).containsExactly(c.data());
        RequestContext context = sink.contexts().get(0);
        assertThat(context.transport()).contains("http");
        assertThat(context.peerAddress()).hasValueSatisfying(peer -> assertThat(peer).startsWith("127.0.0.1:"));
        assertThat(context.metadata()).as("include_metadata is off").isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("signalsAndEncodings")
    void chunkedAndGzipBodiesAreAccepted(Case c, String contentType) throws Exception {
        started();

        RawHttp.Response chunked = RawHttp.send(fixture.http(), "POST", c.path(), Map.of("Content-Type", contentType),
                c.body(contentType), true);
        RawHttp.Response gzipped = RawHttp.send(fixture.http(), "POST", c.path(),
                Map.of("Content-Type", contentType, "Content-Encoding", "gzip"), gzip(c.body(contentType)), false);

        assertThat(chunked.status()).isEqualTo(200);
        assertThat(gzipped.status()).isEqualTo(200);
        assertThat(List.<Telemetry>copyOf(sinkFor(c.data()).received())).containsExactly(c.data(), c.data());
    }

    @Test
    void contentTypeParametersAreAllowed() throws Exception {
        started();
        Case c = Case.traces();

        RawHttp.Response response = RawHttp.post(fixture.http(), c.path(), "Application/JSON; charset=utf-8", c.json());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo(JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PATCH", "PUT", "DELETE"})
    void otherMethodsAre405(String method) throws Exception {
        started();

        RawHttp.Response response = RawHttp.send(fixture.http(), method, "/v1/traces", Map.of("Content-Type", JSON),
                "1234".getBytes(StandardCharsets.UTF_8), false);

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Content-Type")).isEqualTo("text/plain");
        assertThat(response.text()).isEqualTo("405 method not allowed, supported: [POST]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "invalid", "text/plain", "application/json; charset", "application/protobuf"})
    void otherContentTypesAre415(String contentType) throws Exception {
        started();

        RawHttp.Response response = RawHttp.post(fixture.http(), "/v1/metrics", contentType.isEmpty() ? null : contentType,
                "1234".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.header("Content-Type")).isEqualTo("text/plain");
        assertThat(response.text())
                .isEqualTo("415 unsupported media type, supported: [application/json, application/x-protobuf]");
    }

    @Test
    void truncatedProtobufIs400WithAProtobufStatusAndTheReceiverKeepsServing() throws Exception {
        started();
        Case c = Case.traces();

        RawHttp.Response response = RawHttp.post(fixture.http(), c.path(), PROTO,
                Arrays.copyOf(c.proto(), c.proto().length - 5));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo(PROTO);
        StatusBody status = StatusBody.fromProto(response.body());
        assertThat(status.code()).as("InvalidArgument").isEqualTo(3);
        assertThat(status.message()).isNotBlank();
        assertThat(fixture.traces.batchCount()).isZero();

        assertThat(RawHttp.post(fixture.http(), c.path(), PROTO, c.proto()).status()).isEqualTo(200);
        assertThat(List.<Telemetry>copyOf(fixture.traces.received())).containsExactly(c.data());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234", "{", "{\"resourceLogs\": [{\"scopeLogs\": 7}]}"})
    void invalidJsonIs400WithAJsonStatus(String body) throws Exception {
        started();

        RawHttp.Response response = RawHttp.post(fixture.http(), "/v1/logs", JSON, body.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo(JSON);
        StatusBody status = StatusBody.fromJson(response.body());
        assertThat(status.code()).isEqualTo(3);
        assertThat(status.message()).isNotBlank();
        assertThat(fixture.logs.batchCount()).isZero();
    }

    /**
     * Upstream meets the limit while its handler reads the body and answers 400 with Go's message, in the
     * request's encoding (otlp_test.go's TestHTTPMaxRequestBodySize expects 400); the receiver keeps serving.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aBodyOverTheLimitIs400InTheRequestsEncoding(boolean chunked) throws Exception {
        Case c = Case.traces();
        HttpConfig http = Fixture.httpOnLoopback();
        started(http.withServerSettings(http.toServerSettings().withMaxRequestBodySize(c.proto().length - 1)));

        RawHttp.Response proto = RawHttp.send(fixture.http(), "POST", c.path(), Map.of("Content-Type", PROTO),
                c.proto(), chunked);
        RawHttp.Response json = RawHttp.send(fixture.http(), "POST", c.path(), Map.of("Content-Type", JSON),
                c.json(), chunked);

        assertThat(proto.status()).isEqualTo(400);
        assertThat(proto.header("Content-Type")).isEqualTo(PROTO);
        assertThat(StatusBody.fromProto(proto.body())).isEqualTo(new StatusBody(3, "http: request body too large", null));
        assertThat(json.status()).isEqualTo(400);
        assertThat(StatusBody.fromJson(json.body())).isEqualTo(new StatusBody(3, "http: request body too large", null));
        assertThat(fixture.traces.batchCount()).isZero();

        byte[] small = OtlpProto.encode(TestData.traces(1));
        assertThat(RawHttp.post(fixture.http(), c.path(), PROTO, small).status()).isEqualTo(200);
        assertThat(fixture.traces.batchCount()).isEqualTo(1);
    }

    @Test
    void aBodyOverTheLimitStillGets405And415First() throws Exception {
        HttpConfig http = Fixture.httpOnLoopback();
        started(http.withServerSettings(http.toServerSettings().withMaxRequestBodySize(10)));
        byte[] big = new byte[100];

        assertThat(RawHttp.send(fixture.http(), "PUT", "/v1/traces", Map.of("Content-Type", PROTO), big, false).status())
                .isEqualTo(405);
        assertThat(RawHttp.post(fixture.http(), "/v1/traces", "text/plain", big).status()).isEqualTo(415);
    }

    @ParameterizedTest
    @ValueSource(strings = {PROTO, JSON})
    void aRetryableRefusalIs503WithItsMessageAndTheReceiverKeepsServing(String contentType) throws Exception {
        started();
        Case c = Case.metrics();
        fixture.metrics.failWith(new RetryableException("memory limit reached"));

        RawHttp.Response response = RawHttp.post(fixture.http(), c.path(), contentType, c.body(contentType));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Content-Type")).isEqualTo(contentType);
        assertThat(response.header("Retry-After")).isNull();
        assertThat(decode(contentType, response.body())).isEqualTo(new StatusBody(14, "memory limit reached", null));

        fixture.metrics.failWith(null);
        assertThat(RawHttp.post(fixture.http(), c.path(), contentType, c.body(contentType)).status()).isEqualTo(200);
        assertThat(List.<Telemetry>copyOf(fixture.metrics.received())).containsExactly(c.data());
    }

    @ParameterizedTest
    @ValueSource(strings = {PROTO, JSON})
    void aThrottlingRefusalSetsRetryAfterInWholeSeconds(String contentType) throws Exception {
        started();
        Case c = Case.logs();
        fixture.logs.failWith(new RetryableException("slow down", null, Duration.ofMillis(7500)));

        RawHttp.Response response = RawHttp.post(fixture.http(), c.path(), contentType, c.body(contentType));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("7");
        assertThat(decode(contentType, response.body()))
                .isEqualTo(new StatusBody(14, "slow down", Duration.ofMillis(7500)));
    }

    /** Upstream's GetStatusFromError: a permanent error without a status is Internal, which HTTP answers with 500. */
    @ParameterizedTest
    @ValueSource(strings = {PROTO, JSON})
    void aPermanentRefusalIs500WithUpstreamsPrefix(String contentType) throws Exception {
        started();
        Case c = Case.traces();
        fixture.traces.failWith(new PermanentException("my error"));

        RawHttp.Response response = RawHttp.post(fixture.http(), c.path(), contentType, c.body(contentType));

        assertThat(response.status()).isEqualTo(500);
        assertThat(decode(contentType, response.body())).isEqualTo(new StatusBody(13, "Permanent error: my error", null));
        fixture.traces.failWith(null);
        assertThat(RawHttp.post(fixture.http(), c.path(), contentType, c.body(contentType)).status()).isEqualTo(200);
    }

    @Test
    void aBrokenGzipBodyIs400EncodedAsTheRequest() throws Exception {
        started();
        byte[] notGzip = "definitely not gzip".getBytes(StandardCharsets.UTF_8);

        RawHttp.Response proto = RawHttp.send(fixture.http(), "POST", "/v1/traces",
                Map.of("Content-Type", PROTO, "Content-Encoding", "gzip"), notGzip, false);
        RawHttp.Response other = RawHttp.send(fixture.http(), "POST", "/v1/traces",
                Map.of("Content-Type", "text/plain", "Content-Encoding", "gzip"), notGzip, false);

        assertThat(proto.status()).isEqualTo(400);
        assertThat(proto.header("Content-Type")).isEqualTo(PROTO);
        assertThat(StatusBody.fromProto(proto.body()).code()).isEqualTo(3);
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.header("Content-Type")).as("JSON for anything not protobuf").isEqualTo(JSON);
        assertThat(StatusBody.fromJson(other.body()).code()).isEqualTo(3);
    }

    @Test
    void includeMetadataPutsTheHeadersIntoTheContext() throws Exception {
        HttpConfig http = Fixture.httpOnLoopback();
        started(http.withServerSettings(http.toServerSettings().withIncludeMetadata(true)));
        Case c = Case.traces();

        RawHttp.Response response = RawHttp.send(fixture.http(), "POST", c.path(),
                Map.of("Content-Type", PROTO, "X-Tenant", "acme"), c.proto(), false);

        assertThat(response.status()).isEqualTo(200);
        RequestContext context = fixture.traces.contexts().get(0);
        assertThat(context.metadata("X-Tenant")).containsExactly("acme");
        assertThat(context.transport()).contains("http");
    }

    @Test
    void customPathsAreSanitizedAndTheDefaultsNoLongerServe() throws Exception {
        started(Fixture.httpOnLoopback().withPaths("traces", "/v2/metrics", "log/ingest"));
        Case c = Case.logs();

        assertThat(RawHttp.post(fixture.http(), "/log/ingest", PROTO, c.proto()).status()).isEqualTo(200);
        assertThat(RawHttp.post(fixture.http(), "/traces", PROTO, Case.traces().proto()).status()).isEqualTo(200);
        RawHttp.Response old = RawHttp.post(fixture.http(), "/v1/logs", PROTO, c.proto());
        assertThat(old.status()).isEqualTo(404);
        assertThat(fixture.logs.batchCount()).isEqualTo(1);
        assertThat(fixture.traces.batchCount()).isEqualTo(1);
    }

    @Test
    void aSignalWithoutAPipelineIs404() throws Exception {
        OtlpReceiverConfig config = Fixture.config(null, Fixture.httpOnLoopback());
        SinkConsumer<Logs> only = new SinkConsumer<>();
        var receiver = fixture.factory.createLogs(fixture.settings.settings, config, only);
        fixture.instances.add(receiver);
        receiver.start(new TestHost());

        RawHttp.Response response = RawHttp.post(fixture.http(), "/v1/traces", PROTO, Case.traces().proto());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text()).isEqualTo("404 page not found\n");
    }

    @Test
    void twoSignalsOnOnePathFailTheStart() {
        OtlpReceiverConfig config = Fixture.config(null,
                Fixture.httpOnLoopback().withPaths("/otlp", "otlp", "/v1/logs"));

        assertThatThrownBy(() -> fixture.start(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("protocols::http: traces_url_path and metrics_url_path are both \"/otlp\";"
                        + " each signal needs its own path");
        assertThat(fixture.factory.sharedCount()).isZero();
    }

    @Test
    void theStartIsLoggedWithTheBoundEndpoint() throws Exception {
        started();

        assertThat(fixture.settings.logger.entries())
                .filteredOn(e -> e.message().equals("Starting HTTP server"))
                .singleElement()
                .satisfies(e -> assertThat(e.fields()).containsExactly("endpoint", "127.0.0.1:" + fixture.http().getPort()));
        assertThat(fixture.settings.logger.contains("Starting GRPC server")).as("grpc is off").isFalse();
    }

    private static StatusBody decode(String contentType, byte[] body) throws IOException {
        return contentType.equals(PROTO) ? StatusBody.fromProto(body) : StatusBody.fromJson(body);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
