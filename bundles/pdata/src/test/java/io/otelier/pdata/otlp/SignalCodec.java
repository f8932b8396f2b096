package io.otelier.pdata.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** One signal's codecs, oracle and random trees, so that every wire test runs for traces, metrics and logs alike. */
record SignalCodec<T extends Telemetry, M extends Message>(
        String name,
        Function<RandomTrees, T> random,
        Function<T, byte[]> encodeProto,
        Decoder<T> decodeProto,
        Function<T, byte[]> encodeJson,
        Decoder<T> decodeJson,
        Function<T, M> toProto,
        Function<M, T> fromProto,
        Parser<M> parseFrom,
        Supplier<Message.Builder> newBuilder) {

    interface Decoder<T> {
        T decode(byte[] bytes) throws OtlpDecodeException;
    }

    interface Parser<M> {
        M parse(byte[] bytes) throws InvalidProtocolBufferException;
    }

    static final SignalCodec<Traces, ExportTraceServiceRequest> TRACES = new SignalCodec<>("traces",
            RandomTrees::traces, OtlpProto::encode, OtlpProto::decodeTraces, OtlpJson::encode,
            OtlpJson::decodeTraces, ProtoConverter::toProto, ProtoConverter::fromProto,
            ExportTraceServiceRequest::parseFrom, ExportTraceServiceRequest::newBuilder);

    static final SignalCodec<Metrics, ExportMetricsServiceRequest> METRICS = new SignalCodec<>("metrics",
            RandomTrees::metrics, OtlpProto::encode, OtlpProto::decodeMetrics, OtlpJson::encode,
            OtlpJson::decodeMetrics, ProtoConverter::toProto, ProtoConverter::fromProto,
            ExportMetricsServiceRequest::parseFrom, ExportMetricsServiceRequest::newBuilder);

    static final SignalCodec<Logs, ExportLogsServiceRequest> LOGS = new SignalCodec<>("logs",
            RandomTrees::logs, OtlpProto::encode, OtlpProto::decodeLogs, OtlpJson::encode,
            OtlpJson::decodeLogs, ProtoConverter::toProto, ProtoConverter::fromProto,
            ExportLogsServiceRequest::parseFrom, ExportLogsServiceRequest::newBuilder);

    static final List<SignalCodec<?, ?>> ALL = List.of(TRACES, METRICS, LOGS);

    @SuppressWarnings("unchecked")
    M fromMessage(Message message) {
        return (M) message;
    }

    @Override
    public String toString() {
        return name;
    }
}
