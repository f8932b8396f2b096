package io.otelier.exporter.otlp.http.internal;

import io.otelier.api.consumer.RequestContext;
import io.otelier.helper.http.HttpHandler;
import io.otelier.helper.http.HttpRequest;
import io.otelier.helper.http.HttpResponse;
import io.otelier.helper.http.HttpServer;
import io.otelier.helper.http.HttpServerSettings;
import io.otelier.helper.http.HttpServers;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import io.otelier.pdata.otlp.OtlpDecodeException;
import io.otelier.pdata.otlp.OtlpJson;
import io.otelier.pdata.otlp.OtlpProto;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on loopback (helper-http's) serving the OTLP paths, with a recording handler per signal
 * that answers as a test scripts it. include_metadata is on, so each request's headers (Content-Encoding
 * included: the server decompresses the body before the handler sees it) are in its recorded context.
 */
final class HttpBackend implements AutoCloseable {

    /** An OTLP receiver's plain success: an empty export response. */
    static final HttpResponse OK = HttpResponse.of(200, ExportResponses.PROTOBUF, new byte[0]);

    final Recorder<Traces> traces = new Recorder<>(OtlpProto::decodeTraces, OtlpJson::decodeTraces);
    final Recorder<Metrics> metrics = new Recorder<>(OtlpProto::decodeMetrics, OtlpJson::decodeMetrics);
    final Recorder<Logs> logs = new Recorder<>(OtlpProto::decodeLogs, OtlpJson::decodeLogs);
    private final HttpServer server;

    private HttpBackend(String endpoint) throws IOException {
        server = HttpServers.start(HttpServerSettings.defaults(endpoint).withIncludeMetadata(true), Map.of(
                "/v1/traces", traces, "/v1/metrics", metrics, "/v1/logs", logs, "/custom/traces", traces));
    }

    static HttpBackend start() throws IOException {
        return new HttpBackend("127.0.0.1:0");
    }

    static HttpBackend start(int port) throws IOException {
        return new HttpBackend("127.0.0.1:" + port);
    }

    /** The base URL ({@code endpoint} of the exporter). */
    String url() {
        return "http://127.0.0.1:" + server.address().getPort();
    }

    @Override
    public void close() {
        server.stop(Duration.ofSeconds(2));
    }

    interface Decoder<T> {
        T decode(byte[] body) throws OtlpDecodeException;
    }

    /** One request as the backend saw it. */
    record Received<T>(String path, String contentType, T data, RequestContext context) {
    }

    /** Decodes each request by its Content-Type and answers with the next scripted response, else {@link #answer}. */
    static final class Recorder<T extends Telemetry> implements HttpHandler {
        final List<Received<T>> received = new CopyOnWriteArrayList<>();
        final List<Long> attemptNanos = new CopyOnWriteArrayList<>();
        final Queue<HttpResponse> script = new ConcurrentLinkedQueue<>();
        volatile HttpResponse answer = OK;
        private final Decoder<T> proto;
        private final Decoder<T> json;

        Recorder(Decoder<T> proto, Decoder<T> json) {
            this.proto = proto;
            this.json = json;
        }

        @Override
        public HttpResponse handle(HttpRequest request) throws Exception {
            attemptNanos.add(System.nanoTime());
            HttpResponse scripted = script.poll();
            if (scripted != null) {
                return scripted;
            }
            Decoder<T> decoder = request.mediaType().equals(ExportResponses.JSON) ? json : proto;
            received.add(new Received<>(request.path(), request.headers().get("content-type"),
                    decoder.decode(request.body()), request.context()));
            return answer;
        }

        List<T> data() {
            return received.stream().map(Received::data).toList();
        }

        int attempts() {
            return attemptNanos.size();
        }
    }
}
