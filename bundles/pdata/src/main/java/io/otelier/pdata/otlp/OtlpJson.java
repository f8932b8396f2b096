package io.otelier.pdata.otlp;

import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * OTLP/JSON (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding) of traces, metrics and logs, on
 * Jackson's streaming parser and generator.
 *
 * <p>Writing produces what upstream's pdata JSON marshaler produces, byte for byte: lowerCamelCase keys in field
 * declaration order, trace and span ids as lower-case hex, enums as numbers, 64-bit integers as decimal strings,
 * defaults left out (but {@code resource}, {@code scope}, {@code status}, a log's {@code body}, a key-value's
 * {@code value} and an exponential histogram's {@code positive}/{@code negative} always written).
 *
 * <p>Reading accepts what protobuf's JSON mapping and upstream accept: lowerCamelCase or snake_case keys,
 * unknown keys (ignored), {@code null} as absent, enums as numbers or names, integers as numbers or strings,
 * doubles as numbers or {@code "NaN"}/{@code "Infinity"}/{@code "-Infinity"}, bytes as standard or URL-safe base64.
 * The input must be UTF-8, as JSON requires; ids must be empty or 32 (trace) or 16 (span) hex digits.
 */
public final class OtlpJson {

    private OtlpJson() {
    }

    // ---- decoding

    public static Traces decodeTraces(byte[] utf8) throws OtlpDecodeException {
        return decodeTraces(utf8, 0, utf8.length);
    }

    public static Traces decodeTraces(byte[] utf8, int offset, int length) throws OtlpDecodeException {
        Objects.checkFromIndexSize(offset, length, utf8.length);
        Traces traces = new Traces();
        JsonIn.decode(utf8, offset, length, "ExportTraceServiceRequest", in -> TraceJson.readRequest(in, traces));
        return traces;
    }

    public static Metrics decodeMetrics(byte[] utf8) throws OtlpDecodeException {
        return decodeMetrics(utf8, 0, utf8.length);
    }

    public static Metrics decodeMetrics(byte[] utf8, int offset, int length) throws OtlpDecodeException {
        Objects.checkFromIndexSize(offset, length, utf8.length);
        Metrics metrics = new Metrics();
        JsonIn.decode(utf8, offset, length, "ExportMetricsServiceRequest",
                in -> MetricJsonReader.readRequest(in, metrics));
        return metrics;
    }

    public static Logs decodeLogs(byte[] utf8) throws OtlpDecodeException {
        return decodeLogs(utf8, 0, utf8.length);
    }

    public static Logs decodeLogs(byte[] utf8, int offset, int length) throws OtlpDecodeException {
        Objects.checkFromIndexSize(offset, length, utf8.length);
        Logs logs = new Logs();
        JsonIn.decode(utf8, offset, length, "ExportLogsServiceRequest", in -> LogJson.readRequest(in, logs));
        return logs;
    }

    // ---- encoding (UTF-8)

    public static byte[] encode(Traces traces) {
        Objects.requireNonNull(traces, "traces");
        JsonOut out = new JsonOut();
        try {
            TraceJson.writeRequest(out, traces);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] encode(Metrics metrics) {
        Objects.requireNonNull(metrics, "metrics");
        JsonOut out = new JsonOut();
        try {
            MetricJsonWriter.writeRequest(out, metrics);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] encode(Logs logs) {
        Objects.requireNonNull(logs, "logs");
        JsonOut out = new JsonOut();
        try {
            LogJson.writeRequest(out, logs);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- export responses

    /**
     * A response without a rejected count: {@code {}}, or {@code {"partialSuccess":{"errorMessage":"…"}}} for a
     * warning. The JSON name of a rejected count depends on the signal, so a non-zero {@code rejected} needs
     * {@link #encodeExportResponse(Class, long, String)}; here it is an {@link IllegalArgumentException}.
     */
    public static byte[] encodeExportResponse(long rejected, String errorMessage) {
        if (rejected != 0) {
            throw new IllegalArgumentException("a rejected count needs the signal:"
                    + " use encodeExportResponse(Traces.class | Metrics.class | Logs.class, rejected, message)");
        }
        return ResponseCodec.encodeJson(null, 0, errorMessage);
    }

    /**
     * The response for {@code signal} ({@code Traces.class}, {@code Metrics.class} or {@code Logs.class}):
     * {@code {}} when nothing was rejected and there is no message, else
     * {@code {"partialSuccess":{"rejectedSpans":"2","errorMessage":"…"}}} (or rejectedDataPoints,
     * rejectedLogRecords).
     */
    public static byte[] encodeExportResponse(Class<? extends Telemetry> signal, long rejected, String errorMessage) {
        Objects.requireNonNull(signal, "signal");
        return ResponseCodec.encodeJson(signal, rejected, errorMessage);
    }

    /** Reads any signal's response; {@link PartialSuccess#NONE} when it has no partial success. */
    public static PartialSuccess decodeExportResponse(byte[] utf8) throws OtlpDecodeException {
        return ResponseCodec.decodeJson(utf8);
    }
}
