package io.otelier.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.otelier.tests.e2e.UpstreamGoldenTest.Signal;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixed input of the interop run ({@code upstream/input/*.pb}) through our running collector (otlp receiver over
 * HTTP → otlp_http exporter) in CI: what comes out is the input, request for request, and it is what upstream's file
 * exporter wrote for the same input ({@code upstream/c-upstream}).
 */
class UpstreamFixedInputLiveTest {

    @TempDir
    Path work;

    @Test
    void ourCollectorForwardsTheFixedInputUnchanged() throws Exception {
        Path dist = Paths.get(System.getProperty("otelier.dist")).toAbsolutePath().normalize();
        int grpc = freePort();
        int http = freePort();
        int sent = 0;
        try (RequestSink sink = new RequestSink()) {
            Path config = work.resolve("config.yaml");
            Files.writeString(config, """
                    receivers:
                      otlp:
                        protocols:
                          grpc: {endpoint: 127.0.0.1:%d}
                          http: {endpoint: 127.0.0.1:%d}
                    exporters:
                      otlp_http: {endpoint: %s}
                    service:
                      telemetry: {metrics: {level: none}}
                      pipelines:
                        traces: {receivers: [otlp], exporters: [otlp_http]}
                        metrics: {receivers: [otlp], exporters: [otlp_http]}
                        logs: {receivers: [otlp], exporters: [otlp_http]}
                    """.formatted(grpc, http, sink.endpoint()));
            try (CollectorProcess collector = CollectorProcess.start(dist, work, "--config", config.toString())) {
                collector.awaitOutput("Everything is ready", 1, Duration.ofSeconds(30));
                HttpClient client = HttpClient.newHttpClient();
                for (Signal signal : Signal.values()) {
                    for (byte[] request : UpstreamGoldenTest.inputs(signal)) {
                        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + http + "/v1/" + signal.fileName()))
                                .header("Content-Type", "application/x-protobuf")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        assertThat(response.statusCode()).isEqualTo(200);
                        sent++;
                    }
                }
                int expected = sent;
                assertThat(sink.await(expected, 30)).as("requests at the sink:\n%s", collector.all()).isTrue();
            }
            for (Signal signal : Signal.values()) {
                List<byte[]> received = sink.bodies(signal);
                List<byte[]> inputs = UpstreamGoldenTest.inputs(signal);

                // protobuf-java's generated classes as the oracle: the same messages, in any order
                List<Message> expected = new ArrayList<>();
                for (byte[] input : inputs) {
                    expected.add(withoutEmptyMessages(parse(signal, input)));
                }
                List<Message> actual = new ArrayList<>();
                for (byte[] body : received) {
                    actual.add(withoutEmptyMessages(parse(signal, body)));
                }
                assertThat(actual).as(signal.fileName()).containsExactlyInAnyOrderElementsOf(expected);

                // and as upstream's file exporter spelled it for the same input
                List<JsonNode> upstream = new ArrayList<>();
                for (byte[] line : UpstreamGoldenTest.goldenLines("c-upstream", signal)) {
                    upstream.add(UpstreamGoldenTest.tree(line));
                }
                List<JsonNode> ours = new ArrayList<>();
                for (byte[] body : received) {
                    ours.add(UpstreamGoldenTest.tree(signal.toJson.apply(signal.fromProto.decode(body))));
                }
                assertThat(ours).usingElementComparator(UpstreamGoldenTest.SAME_JSON)
                        .containsExactlyInAnyOrderElementsOf(upstream);
            }
        }
    }

    private static Message parse(Signal signal, byte[] body) throws IOException {
        return switch (signal) {
            case TRACES -> ExportTraceServiceRequest.parseFrom(body);
            case METRICS -> ExportMetricsServiceRequest.parseFrom(body);
            case LOGS -> ExportLogsServiceRequest.parseFrom(body);
        };
    }

    /**
     * The message without empty singular sub-messages. Go's pdata writes every one (an empty {@code status},
     * {@code scope}, {@code resource}, or {@code value} of an attribute without a value) where our encoder leaves
     * them out; OTLP reads both the same. Empty members of a oneof (an empty array value) and empty list elements
     * are data, and stay.
     */
    private static Message withoutEmptyMessages(Message message) {
        Message.Builder builder = message.toBuilder();
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            FieldDescriptor f = field.getKey();
            if (f.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            if (f.isRepeated()) {
                builder.clearField(f);
                for (Object element : (List<?>) field.getValue()) {
                    builder.addRepeatedField(f, withoutEmptyMessages((Message) element));
                }
            } else {
                Message child = withoutEmptyMessages((Message) field.getValue());
                if (child.getAllFields().isEmpty() && f.getContainingOneof() == null) {
                    builder.clearField(f);
                } else {
                    builder.setField(f, child);
                }
            }
        }
        return builder.build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** An OTLP/HTTP backend that keeps every request body as it came (after gzip), per signal. */
    private static final class RequestSink implements AutoCloseable {

        private final HttpServer server;
        private final Map<Signal, List<byte[]>> bodies = new EnumMap<>(Signal.class);
        private int requests;

        RequestSink() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            for (Signal signal : Signal.values()) {
                bodies.put(signal, new ArrayList<>());
                server.createContext("/v1/" + signal.fileName(), ex -> keep(signal, ex));
            }
            server.start();
        }

        private void keep(Signal signal, HttpExchange ex) throws IOException {
            try (ex) {
                InputStream in = ex.getRequestBody();
                String encoding = ex.getRequestHeaders().getFirst("Content-Encoding");
                if (encoding != null && encoding.toLowerCase(Locale.ROOT).equals("gzip")) {
                    in = new GZIPInputStream(in);
                }
                byte[] body = in.readAllBytes();
                synchronized (this) {
                    bodies.get(signal).add(body);
                    requests++;
                    notifyAll();
                }
                ex.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                ex.sendResponseHeaders(200, -1);
            }
        }

        String endpoint() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        synchronized boolean await(int count, long seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (requests < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }

        synchronized List<byte[]> bodies(Signal signal) {
            return List.copyOf(bodies.get(signal));
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
