package io.otelier.tests.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;

/**
 * A minimal OTLP/HTTP protobuf backend for tests, decoding with the generated classes of
 * opentelemetry-proto (an oracle independent of our codecs). Keeps every span, metric and log record.
 */
final class OtlpSink implements AutoCloseable {

    private final HttpServer server;
    final List<Span> spans = new ArrayList<>();
    final List<Metric> metrics = new ArrayList<>();
    final List<LogRecord> logs = new ArrayList<>();
    private int requests;

    OtlpSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/traces", ex -> handle(ex, body -> ExportTraceServiceRequest.parseFrom(body)
                .getResourceSpansList().forEach(rs -> rs.getScopeSpansList().forEach(ss -> spans.addAll(ss.getSpansList())))));
        server.createContext("/v1/metrics", ex -> handle(ex, body -> ExportMetricsServiceRequest.parseFrom(body)
                .getResourceMetricsList().forEach(rm -> rm.getScopeMetricsList().forEach(sm -> metrics.addAll(sm.getMetricsList())))));
        server.createContext("/v1/logs", ex -> handle(ex, body -> ExportLogsServiceRequest.parseFrom(body)
                .getResourceLogsList().forEach(rl -> rl.getScopeLogsList().forEach(sl -> logs.addAll(sl.getLogRecordsList())))));
        server.start();
    }

    private interface Decoder {
        void accept(byte[] body) throws IOException;
    }

    private void handle(HttpExchange ex, Decoder decoder) throws IOException {
        try (ex) {
            InputStream in = ex.getRequestBody();
            if ("gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"))) {
                in = new GZIPInputStream(in);
            }
            byte[] body = in.readAllBytes();
            synchronized (this) {
                decoder.accept(body);
                requests++;
                notifyAll();
            }
            ex.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            ex.sendResponseHeaders(200, -1);
        } catch (IOException | RuntimeException e) {
            ex.sendResponseHeaders(400, -1);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized List<String> spanNames() {
        return spans.stream().map(Span::getName).toList();
    }

    synchronized int requests() {
        return requests;
    }

    boolean await(BooleanSupplier condition, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (this) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
