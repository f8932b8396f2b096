package io.otelier.pdata.otlp;

import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import io.otelier.pdata.internal.KeepPolicy;
import io.otelier.pdata.internal.Received;
import io.otelier.pdata.internal.RootAccess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The OTLP protobuf wire format (opentelemetry-proto 1.x) of traces, metrics and logs, hand-written: decoding
 * on {@link ProtoInput}, which reads as protobuf-java's {@code CodedInputStream} does, encoding on
 * {@link ProtoWriter}, which writes what {@link com.google.protobuf.CodedOutputStream} writes.
 *
 * <p>The bytes of {@code Export{Trace,Metrics,Logs}ServiceRequest} are also those of {@code TracesData},
 * {@code MetricsData} and {@code LogsData}. Decoding accepts everything protobuf does: fields in any order,
 * unknown fields (skipped), packed and unpacked repeated scalars, a repeated singular field (the last wins, or
 * messages merge), and the pre-0.19 {@code instrumentation_library_*} field 1000 that upstream still migrates.
 * It refuses what upstream's decoder refuses: truncated input, lengths running past their message, a known field
 * with another wire type, ids that are neither empty nor 16 (trace) or 8 (span) bytes. Strings are not checked
 * for UTF-8, as upstream does not; invalid sequences become U+FFFD. Enum numbers this model does not know read
 * as the UNSPECIFIED/UNSET constant.
 *
 * <p>Bytes that decode without error and without any normalisation (the usual case; see {@link WireCheck}) are
 * not decoded at once: the returned root stands for them until something reads it, and encoding a root that
 * was never read writes the received bytes again (joined, when batches were merged with {@code moveAllTo}).
 * Where received data is mostly read anyway (a pipeline with processors that look at it), the check would only
 * add to the decode, so each signal keeps bytes only while that pays ({@link KeepPolicy}).
 * So the array passed to a decode method must not be changed afterwards.
 *
 * <p>Encoding measures first and writes once, in field-number order with defaults left out: the same bytes
 * protobuf-java's generated classes write for the same content.
 */
public final class OtlpProto {

    /**
     * Received bytes are kept until read unless {@code -Dotelier.pdata.keepReceived=false}: a diagnostic switch,
     * for comparing with eager decoding (benchmarks) or ruling the mechanism out.
     */
    private static final boolean KEEP_RECEIVED =
            !"false".equalsIgnoreCase(System.getProperty("otelier.pdata.keepReceived"));

    private OtlpProto() {
    }

    // ---- decoding

    public static Traces decodeTraces(byte[] bytes) throws OtlpDecodeException {
        return decodeTraces(bytes, 0, bytes.length);
    }

    public static Traces decodeTraces(byte[] bytes, int offset, int length) throws OtlpDecodeException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        Traces traces = new Traces();
        if (!keep(traces, WireCheck.TRACES_REQUEST, KeepPolicy.TRACES, bytes, offset, length,
                OtlpProto::decodeTracesInto)) {
            decodeTracesInto(bytes, offset, length, traces);
        }
        return traces;
    }

    /** Reads the stream to its end, then decodes; a failure to read is reported with the IOException as cause. */
    public static Traces decodeTraces(InputStream in) throws OtlpDecodeException {
        return decodeTraces(readAll(in, "ExportTraceServiceRequest"));
    }

    public static Metrics decodeMetrics(byte[] bytes) throws OtlpDecodeException {
        return decodeMetrics(bytes, 0, bytes.length);
    }

    public static Metrics decodeMetrics(byte[] bytes, int offset, int length) throws OtlpDecodeException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        Metrics metrics = new Metrics();
        if (!keep(metrics, WireCheck.METRICS_REQUEST, KeepPolicy.METRICS, bytes, offset, length,
                OtlpProto::decodeMetricsInto)) {
            decodeMetricsInto(bytes, offset, length, metrics);
        }
        return metrics;
    }

    /** Reads the stream to its end, then decodes; a failure to read is reported with the IOException as cause. */
    public static Metrics decodeMetrics(InputStream in) throws OtlpDecodeException {
        return decodeMetrics(readAll(in, "ExportMetricsServiceRequest"));
    }

    public static Logs decodeLogs(byte[] bytes) throws OtlpDecodeException {
        return decodeLogs(bytes, 0, bytes.length);
    }

    public static Logs decodeLogs(byte[] bytes, int offset, int length) throws OtlpDecodeException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        Logs logs = new Logs();
        if (!keep(logs, WireCheck.LOGS_REQUEST, KeepPolicy.LOGS, bytes, offset, length, OtlpProto::decodeLogsInto)) {
            decodeLogsInto(bytes, offset, length, logs);
        }
        return logs;
    }

    /** Reads the stream to its end, then decodes; a failure to read is reported with the IOException as cause. */
    public static Logs decodeLogs(InputStream in) throws OtlpDecodeException {
        return decodeLogs(readAll(in, "ExportLogsServiceRequest"));
    }

    private static void decodeTracesInto(byte[] bytes, int offset, int length, Telemetry root)
            throws OtlpDecodeException {
        ProtoReader.decode(bytes, offset, length, "ExportTraceServiceRequest", TraceProtoDecoder.REQUEST,
                reader -> TraceProtoDecoder.readRequest(reader, (Traces) root));
    }

    private static void decodeMetricsInto(byte[] bytes, int offset, int length, Telemetry root)
            throws OtlpDecodeException {
        ProtoReader.decode(bytes, offset, length, "ExportMetricsServiceRequest", MetricProtoDecoder.REQUEST,
                reader -> MetricProtoDecoder.readRequest(reader, (Metrics) root));
    }

    private static void decodeLogsInto(byte[] bytes, int offset, int length, Telemetry root)
            throws OtlpDecodeException {
        ProtoReader.decode(bytes, offset, length, "ExportLogsServiceRequest", LogProtoDecoder.REQUEST,
                reader -> LogProtoDecoder.readRequest(reader, (Logs) root));
    }

    /**
     * Lets {@code root} stand for the bytes themselves when {@link WireCheck} passes them; they are decoded when
     * the data is first read, and re-sent as they are if it never is.
     */
    private static boolean keep(Telemetry root, WireCheck.Schema request, KeepPolicy policy, byte[] bytes,
            int offset, int length, Received.Decoder decoder) {
        if (!KEEP_RECEIVED || !policy.shouldKeep()) {
            return false;
        }
        WireCheck counts = WireCheck.check(request, bytes, offset, length);
        if (counts == null) {
            return false;
        }
        RootAccess.get().attach(root, Received.of(bytes, offset, length, counts.resources, counts.items,
                counts.containers, decoder, policy));
        return true;
    }

    // ---- encoding

    public static byte[] encode(Traces traces) {
        Received received = received(traces);
        if (received != null) {
            return received.toByteArray();
        }
        return encode(traces, TraceProtoEncoder::requestSize, TraceProtoEncoder::writeRequest);
    }

    public static byte[] encode(Metrics metrics) {
        Received received = received(metrics);
        if (received != null) {
            return received.toByteArray();
        }
        return encode(metrics, MetricProtoEncoder::requestSize, MetricProtoEncoder::writeRequest);
    }

    public static byte[] encode(Logs logs) {
        Received received = received(logs);
        if (received != null) {
            return received.toByteArray();
        }
        return encode(logs, LogProtoEncoder::requestSize, LogProtoEncoder::writeRequest);
    }

    /** Writes the encoded traces to {@code out} in one write ({@code out} is neither flushed nor closed). */
    public static void writeTo(Traces traces, OutputStream out) throws IOException {
        writeTo(traces, out, TraceProtoEncoder::requestSize, TraceProtoEncoder::writeRequest);
    }

    public static void writeTo(Metrics metrics, OutputStream out) throws IOException {
        writeTo(metrics, out, MetricProtoEncoder::requestSize, MetricProtoEncoder::writeRequest);
    }

    public static void writeTo(Logs logs, OutputStream out) throws IOException {
        writeTo(logs, out, LogProtoEncoder::requestSize, LogProtoEncoder::writeRequest);
    }

    /** The number of bytes {@link #encode(Traces)} would return. */
    public static int encodedSize(Traces traces) {
        Received received = received(traces);
        return received != null ? received.size() : TraceProtoEncoder.requestSize(traces, new SizeCache());
    }

    public static int encodedSize(Metrics metrics) {
        Received received = received(metrics);
        return received != null ? received.size() : MetricProtoEncoder.requestSize(metrics, new SizeCache());
    }

    public static int encodedSize(Logs logs) {
        Received received = received(logs);
        return received != null ? received.size() : LogProtoEncoder.requestSize(logs, new SizeCache());
    }

    // ---- export responses

    /**
     * An {@code Export*ServiceResponse} (the layout is the same for all signals): empty when nothing was rejected
     * and there is no message, else a {@code partial_success} with the rejected count and the message.
     */
    public static byte[] encodeExportResponse(long rejected, String errorMessage) {
        return ResponseCodec.encodeProto(rejected, errorMessage);
    }

    /** Reads an {@code Export*ServiceResponse}; {@link PartialSuccess#NONE} when it has no partial success. */
    public static PartialSuccess decodeExportResponse(byte[] bytes) throws OtlpDecodeException {
        return ResponseCodec.decodeProto(bytes);
    }

    // ---- plumbing

    private interface Sizer<T> {
        int size(T data, SizeCache cache);
    }

    private interface Writer<T> {
        void write(ProtoWriter out, T data, SizeCache cache);
    }

    private static <T> byte[] encode(T data, Sizer<T> sizer, Writer<T> writer) {
        Objects.requireNonNull(data, "data");
        SizeCache cache = new SizeCache();
        byte[] bytes = new byte[sizer.size(data, cache)];
        ProtoWriter out = new ProtoWriter(bytes);
        try {
            writer.write(out, data, cache);
        } catch (ArrayIndexOutOfBoundsException e) {
            // the array has the measured size: only a tree that grew during the encode gets here
            throw new UncheckedIOException("the data changed while it was being encoded", new IOException(e));
        }
        if (out.spaceLeft() != 0 || !cache.allTaken()) {
            throw new IllegalStateException("the data changed while it was being encoded");
        }
        return bytes;
    }

    /** Encodes into one array (as {@link #encode} does) and writes it: the message is measured first anyway. */
    private static <T> void writeTo(T data, OutputStream stream, Sizer<T> sizer, Writer<T> writer)
            throws IOException {
        Objects.requireNonNull(stream, "stream");
        Received received = received((Telemetry) data);
        if (received != null) {
            received.writeTo(stream);
            return;
        }
        byte[] bytes = encode(data, sizer, writer);
        if (bytes.length > 0) {
            stream.write(bytes);
        }
    }

    /**
     * The received bytes {@code data} still stands for, when nothing has read it since it was decoded (or joined
     * from such data): a snapshot a sender can write without encoding or copying; null when the data was read,
     * built or changed, which {@link #encode}/{@link #writeTo} then encode.
     */
    public static EncodedBytes receivedBytes(Telemetry data) {
        return received(data);
    }

    /** The bytes {@code data} still stands for, undecoded, or null. */
    private static Received received(Telemetry data) {
        return RootAccess.get().received(Objects.requireNonNull(data, "data"));
    }

    private static byte[] readAll(InputStream in, String messageName) throws OtlpDecodeException {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new OtlpDecodeException("cannot read the OTLP " + messageName + ": " + e.getMessage(), e);
        }
    }
}
