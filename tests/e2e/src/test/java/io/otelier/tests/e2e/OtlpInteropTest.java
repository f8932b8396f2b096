package io.otelier.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OTLP with real peers: the OpenTelemetry Java SDK and JS SDK send to our otlp receiver; our otlp_grpc and
 * otlp_http exporters forward; a sink decoding with opentelemetry-proto's generated classes checks what
 * arrives.
 */
class OtlpInteropTest {

    private static final Duration READY = Duration.ofSeconds(30);
    private static Path dist;

    @TempDir
    Path work;

    @BeforeAll
    static void locate() {
        dist = Paths.get(System.getProperty("otelier.dist")).toAbsolutePath().normalize();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** otlp receiver on the given ports → one exporter per signal → (sink or next collector). */
    private static String collectorConfig(int grpc, int http, String exportersYaml, String tracesExporter,
            String metricsExporter, String logsExporter) {
        return """
                receivers:
                  otlp:
                    protocols:
                      grpc:
                        endpoint: 127.0.0.1:%d
                      http:
                        endpoint: 127.0.0.1:%d
                exporters:
                %s
                service:
                  telemetry:
                    metrics:
                      level: none
                  pipelines:
                    traces:
                      receivers: [otlp]
                      exporters: [%s]
                    metrics:
                      receivers: [otlp]
                      exporters: [%s]
                    logs:
                      receivers: [otlp]
                      exporters: [%s]
                """.formatted(grpc, http, exportersYaml.indent(2).stripTrailing(), tracesExporter, metricsExporter,
                logsExporter);
    }

    private static String httpExporterTo(String name, String endpoint) {
        return name + ":\n  endpoint: " + endpoint + "\n  retry_on_failure:\n    initial_interval: 100ms\n";
    }

    private CollectorProcess start(String name, String yaml) throws Exception {
        Path cfg = work.resolve(name + ".yaml");
        Files.writeString(cfg, yaml);
        CollectorProcess c = CollectorProcess.start(dist, work, "--config", cfg.toString());
        c.awaitOutput("Everything is ready", 1, READY);
        return c;
    }

    private static void sendSpans(SpanExporter exporter, String prefix, int count) {
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(
                        Attributes.of(AttributeKey.stringKey("service.name"), "java-sdk"))))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).build()).build();
        Tracer tracer = provider.get("otelier-e2e");
        for (int i = 0; i < count; i++) {
            tracer.spanBuilder(prefix + i).setAttribute("index", i).startSpan().end();
        }
        provider.forceFlush().join(10, TimeUnit.SECONDS);
        provider.shutdown().join(10, TimeUnit.SECONDS);
    }

    @Test
    void javaSdkSendsEverySignalOverGrpcAndHttpAndItArrivesIntact() throws Exception {
        int grpc = freePort();
        int http = freePort();
        try (OtlpSink sink = new OtlpSink();
                CollectorProcess c = start("java-sdk", collectorConfig(grpc, http,
                        httpExporterTo("otlp_http", sink.endpoint()), "otlp_http", "otlp_http", "otlp_http"))) {
            sendSpans(OtlpGrpcSpanExporter.builder().setEndpoint("http://127.0.0.1:" + grpc).build(), "grpc-span-", 10);
            sendSpans(OtlpHttpSpanExporter.builder().setEndpoint("http://127.0.0.1:" + http + "/v1/traces").build(),
                    "http-span-", 10);

            SdkMeterProvider meters = SdkMeterProvider.builder().registerMetricReader(PeriodicMetricReader.builder(
                    OtlpHttpMetricExporter.builder().setEndpoint("http://127.0.0.1:" + http + "/v1/metrics").build())
                    .build()).build();
            meters.get("otelier-e2e").counterBuilder("e2e.requests").build().add(42);
            meters.forceFlush().join(10, TimeUnit.SECONDS);
            meters.shutdown().join(10, TimeUnit.SECONDS);

            SdkLoggerProvider loggers = SdkLoggerProvider.builder().addLogRecordProcessor(BatchLogRecordProcessor
                    .builder(OtlpGrpcLogRecordExporter.builder().setEndpoint("http://127.0.0.1:" + grpc).build()).build())
                    .build();
            for (int i = 0; i < 3; i++) {
                loggers.get("otelier-e2e").logRecordBuilder().setBody("log line " + i).emit();
            }
            loggers.forceFlush().join(10, TimeUnit.SECONDS);
            loggers.shutdown().join(10, TimeUnit.SECONDS);

            assertThat(sink.await(() -> sink.spans.size() >= 20 && !sink.metrics.isEmpty() && sink.logs.size() >= 3, 30))
                    .as("sink received everything; collector output:\n" + c.all()).isTrue();
            List<String> expected = new ArrayList<>();
            IntStream.range(0, 10).forEach(i -> expected.add("grpc-span-" + i));
            IntStream.range(0, 10).forEach(i -> expected.add("http-span-" + i));
            assertThat(sink.spanNames()).containsExactlyInAnyOrderElementsOf(expected);
            var first = sink.spans.stream().filter(s -> s.getName().equals("grpc-span-3")).findFirst().orElseThrow();
            assertThat(first.getAttributesList()).extracting(KeyValue::getKey).contains("index");
            assertThat(first.getAttributesList().get(0).getValue().getIntValue()).isEqualTo(3);
            assertThat(first.getTraceId().size()).isEqualTo(16);
            var metric = sink.metrics.stream().filter(m -> m.getName().equals("e2e.requests")).findFirst().orElseThrow();
            assertThat(metric.getSum().getDataPoints(0).getAsInt()).isEqualTo(42);
            assertThat(sink.logs).extracting(l -> l.getBody().getStringValue())
                    .containsExactlyInAnyOrder("log line 0", "log line 1", "log line 2");
            assertThat(c.terminate(Duration.ofSeconds(30))).isEqualTo(0);
        }
    }

    @Test
    void handsOnTracePipelineRunsUnmodifiedWhileItsBackendDoesNotResolve() throws Exception {
        Path config = Paths.get(System.getProperty("otelier.examples")).resolve("handson/trace-collector.yaml");
        int grpc = freePort();
        // only the environment changes: the receiver's port (tests stay off the default 4317)
        try (CollectorProcess c = CollectorProcess.start(dist, work, "--config", config.toString(), "--set",
                "receivers::otlp::protocols::grpc::endpoint=127.0.0.1:" + grpc,
                "--set", "service::telemetry::metrics::level=none")) {
            c.awaitOutput("Everything is ready", 1, READY);
            sendSpans(OtlpGrpcSpanExporter.builder().setEndpoint("http://127.0.0.1:" + grpc).build(), "handson-", 3);
            c.awaitOutput(java.util.regex.Pattern.quote("Traces {\"resource spans\": 1, \"spans\": 3}"), 1, READY);
            // jaeger-collector.jaeger:14250 does not resolve here: the exporter retries, the collector keeps running
            Thread.sleep(1000);
            assertThat(c.process.isAlive()).as(c.all()).isTrue();
            assertThat(c.terminate(Duration.ofSeconds(30))).isEqualTo(0);
        }
    }

    @Test
    void jsSdkSendsSpansOverGrpcHttpJsonAndHttpProtobuf() throws Exception {
        Path js = Paths.get(System.getProperty("otelier.js"));
        assertThat(js.resolve("node_modules/@opentelemetry/sdk-trace-base"))
                .as("run `npm ci --prefix tests/e2e/src/test/js` first (.ci/run does)").isDirectory();
        int grpc = freePort();
        int http = freePort();
        try (OtlpSink sink = new OtlpSink();
                CollectorProcess c = start("js-sdk", collectorConfig(grpc, http,
                        httpExporterTo("otlp_http", sink.endpoint()), "otlp_http", "otlp_http", "otlp_http"))) {
            node(js, "grpc", "http://127.0.0.1:" + grpc);
            node(js, "http-json", "http://127.0.0.1:" + http + "/v1/traces");
            node(js, "http-proto", "http://127.0.0.1:" + http + "/v1/traces");
            assertThat(sink.await(() -> sink.spans.size() >= 15, 30)).as(c.all()).isTrue();
            assertThat(sink.spans).hasSize(15);
            assertThat(sink.spanNames()).filteredOn(n -> n.equals("js-span-4")).hasSize(3);
            for (String protocol : List.of("grpc", "http-json", "http-proto")) {
                assertThat(sink.spans).filteredOn(s -> s.getAttributesList().stream()
                        .anyMatch(kv -> kv.getKey().equals("protocol") && kv.getValue().getStringValue().equals(protocol)))
                        .as(protocol).hasSize(5);
            }
        }
    }

    private void node(Path js, String protocol, String endpoint) throws Exception {
        Process p = new ProcessBuilder("node", "send-spans.js", protocol, endpoint, "5", "js-sdk")
                .directory(js.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(out).isEqualTo(0);
    }

    @Test
    void agentForwardsToGatewayOverOtlpGrpcAndOtlpHttpAndEverythingArrivesOnce() throws Exception {
        int gatewayGrpc = freePort();
        int gatewayHttp = freePort();
        int agentGrpc = freePort();
        int agentHttp = freePort();
        try (OtlpSink sink = new OtlpSink();
                CollectorProcess gateway = start("gateway", collectorConfig(gatewayGrpc, gatewayHttp,
                        httpExporterTo("otlp_http", sink.endpoint()), "otlp_http", "otlp_http", "otlp_http"));
                CollectorProcess agent = start("agent", collectorConfig(agentGrpc, agentHttp,
                        "otlp_grpc:\n  endpoint: 127.0.0.1:" + gatewayGrpc + "\n  tls:\n    insecure: true\n"
                                + httpExporterTo("otlp_http", "http://127.0.0.1:" + gatewayHttp),
                        "otlp_grpc", "otlp_http", "otlp_http"))) {
            sendSpans(OtlpGrpcSpanExporter.builder().setEndpoint("http://127.0.0.1:" + agentGrpc).build(), "via-agent-",
                    25);
            SdkLoggerProvider loggers = SdkLoggerProvider.builder().addLogRecordProcessor(BatchLogRecordProcessor
                    .builder(OtlpGrpcLogRecordExporter.builder().setEndpoint("http://127.0.0.1:" + agentGrpc).build())
                    .build()).build();
            loggers.get("e2e").logRecordBuilder().setBody("through the agent").emit();
            loggers.forceFlush().join(10, TimeUnit.SECONDS);
            loggers.shutdown().join(10, TimeUnit.SECONDS);
            assertThat(sink.await(() -> sink.spans.size() >= 25 && sink.logs.size() >= 1, 30))
                    .as("agent:\n" + agent.all() + "\ngateway:\n" + gateway.all()).isTrue();
            Thread.sleep(500);
            assertThat(sink.spans).hasSize(25);
            assertThat(sink.spanNames()).doesNotHaveDuplicates();
            assertThat(sink.logs).hasSize(1);
            assertThat(agent.terminate(Duration.ofSeconds(30))).isEqualTo(0);
            assertThat(gateway.terminate(Duration.ofSeconds(30))).isEqualTo(0);
        }
    }
}
