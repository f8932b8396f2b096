package io.otelier.bench.jmh;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import io.otelier.pdata.otlp.OtlpDecodeException;
import io.otelier.pdata.otlp.OtlpJson;
import io.otelier.pdata.otlp.OtlpProto;

/** One signal's codecs, ours and the generated classes', behind one shape so each benchmark is written once. */
enum Codecs {
    TRACES {
        @Override
        Telemetry decodeProto(byte[] bytes) throws OtlpDecodeException {
            return OtlpProto.decodeTraces(bytes);
        }

        @Override
        byte[] encodeProto(Telemetry data) {
            return OtlpProto.encode((Traces) data);
        }

        @Override
        int readResources(Telemetry data) {
            return ((Traces) data).resourceSpans().size();
        }

        @Override
        Telemetry decodeJson(byte[] utf8) throws OtlpDecodeException {
            return OtlpJson.decodeTraces(utf8);
        }

        @Override
        byte[] encodeJson(Telemetry data) {
            return OtlpJson.encode((Traces) data);
        }

        @Override
        Message parseGenerated(byte[] bytes) throws InvalidProtocolBufferException {
            return ExportTraceServiceRequest.parseFrom(bytes);
        }

        @Override
        Message.Builder newGeneratedBuilder() {
            return ExportTraceServiceRequest.newBuilder();
        }
    },
    METRICS {
        @Override
        Telemetry decodeProto(byte[] bytes) throws OtlpDecodeException {
            return OtlpProto.decodeMetrics(bytes);
        }

        @Override
        byte[] encodeProto(Telemetry data) {
            return OtlpProto.encode((Metrics) data);
        }

        @Override
        int readResources(Telemetry data) {
            return ((Metrics) data).resourceMetrics().size();
        }

        @Override
        Telemetry decodeJson(byte[] utf8) throws OtlpDecodeException {
            return OtlpJson.decodeMetrics(utf8);
        }

        @Override
        byte[] encodeJson(Telemetry data) {
            return OtlpJson.encode((Metrics) data);
        }

        @Override
        Message parseGenerated(byte[] bytes) throws InvalidProtocolBufferException {
            return ExportMetricsServiceRequest.parseFrom(bytes);
        }

        @Override
        Message.Builder newGeneratedBuilder() {
            return ExportMetricsServiceRequest.newBuilder();
        }
    },
    LOGS {
        @Override
        Telemetry decodeProto(byte[] bytes) throws OtlpDecodeException {
            return OtlpProto.decodeLogs(bytes);
        }

        @Override
        byte[] encodeProto(Telemetry data) {
            return OtlpProto.encode((Logs) data);
        }

        @Override
        int readResources(Telemetry data) {
            return ((Logs) data).resourceLogs().size();
        }

        @Override
        Telemetry decodeJson(byte[] utf8) throws OtlpDecodeException {
            return OtlpJson.decodeLogs(utf8);
        }

        @Override
        byte[] encodeJson(Telemetry data) {
            return OtlpJson.encode((Logs) data);
        }

        @Override
        Message parseGenerated(byte[] bytes) throws InvalidProtocolBufferException {
            return ExportLogsServiceRequest.parseFrom(bytes);
        }

        @Override
        Message.Builder newGeneratedBuilder() {
            return ExportLogsServiceRequest.newBuilder();
        }
    };

    abstract Telemetry decodeProto(byte[] bytes) throws OtlpDecodeException;

    abstract byte[] encodeProto(Telemetry data);

    /** Reads the data's resource list: what makes a root that still holds its received bytes decode them. */
    abstract int readResources(Telemetry data);

    /**
     * Decodes into the full tree: our decoder keeps well-formed bytes undecoded until the data is read, so this
     * reads it at once, as any processor or non-OTLP exporter would.
     */
    Telemetry decodeProtoTree(byte[] bytes) throws OtlpDecodeException {
        Telemetry data = decodeProto(bytes);
        readResources(data);
        return data;
    }

    abstract Telemetry decodeJson(byte[] utf8) throws OtlpDecodeException;

    abstract byte[] encodeJson(Telemetry data);

    abstract Message parseGenerated(byte[] bytes) throws InvalidProtocolBufferException;

    /** An empty builder, for protobuf-java-util's JSON parser. */
    abstract Message.Builder newGeneratedBuilder();

    static Codecs of(Telemetry data) {
        if (data instanceof Traces) {
            return TRACES;
        }
        return data instanceof Metrics ? METRICS : LOGS;
    }
}
