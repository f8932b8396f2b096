package io.otelier.helper.grpc;

import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.ServerServiceDefinition;
import io.otelier.helper.grpc.internal.DecodedRequest;
import io.otelier.helper.grpc.internal.OtlpCallHandler;
import io.otelier.helper.grpc.internal.OtlpMarshallers;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import io.otelier.pdata.otlp.OtlpProto;
import io.otelier.pdata.otlp.PartialSuccess;

/**
 * The OTLP gRPC services ({@code opentelemetry.proto.collector.{trace,metrics,logs}.v1}) with marshallers
 * over our own model: requests are {@link Traces}, {@link Metrics} and {@link Logs} encoded by
 * {@link OtlpProto}, responses are their {@link PartialSuccess}. No generated protobuf classes are involved.
 */
public final class OtlpGrpc {

    public static final String TRACE_SERVICE = "opentelemetry.proto.collector.trace.v1.TraceService";
    public static final String METRICS_SERVICE = "opentelemetry.proto.collector.metrics.v1.MetricsService";
    public static final String LOGS_SERVICE = "opentelemetry.proto.collector.logs.v1.LogsService";
    public static final String EXPORT = "Export";

    private static final Signal<Traces> TRACES = new Signal<>(TRACE_SERVICE,
            new OtlpMarshallers<>(OtlpProto::decodeTraces, OtlpProto::encode));
    private static final Signal<Metrics> METRICS = new Signal<>(METRICS_SERVICE,
            new OtlpMarshallers<>(OtlpProto::decodeMetrics, OtlpProto::encode));
    private static final Signal<Logs> LOGS = new Signal<>(LOGS_SERVICE,
            new OtlpMarshallers<>(OtlpProto::decodeLogs, OtlpProto::encode));

    /** Client side of {@code TraceService/Export}. */
    public static final MethodDescriptor<Traces, PartialSuccess> TRACES_EXPORT = TRACES.clientMethod();
    /** Client side of {@code MetricsService/Export}. */
    public static final MethodDescriptor<Metrics, PartialSuccess> METRICS_EXPORT = METRICS.clientMethod();
    /** Client side of {@code LogsService/Export}. */
    public static final MethodDescriptor<Logs, PartialSuccess> LOGS_EXPORT = LOGS.clientMethod();

    private OtlpGrpc() {
    }

    /** {@code TraceService} answering with {@code handler}; register it with {@link GrpcServers#start}. */
    public static ServerServiceDefinition traceService(OtlpGrpcHandler<Traces> handler) {
        return TRACES.service(handler);
    }

    public static ServerServiceDefinition metricsService(OtlpGrpcHandler<Metrics> handler) {
        return METRICS.service(handler);
    }

    public static ServerServiceDefinition logsService(OtlpGrpcHandler<Logs> handler) {
        return LOGS.service(handler);
    }

    /** The client method for a batch of any signal. */
    @SuppressWarnings("unchecked")
    public static <T extends Telemetry> MethodDescriptor<T, PartialSuccess> exportMethod(T data) {
        if (data instanceof Traces) {
            return (MethodDescriptor<T, PartialSuccess>) TRACES_EXPORT;
        } else if (data instanceof Metrics) {
            return (MethodDescriptor<T, PartialSuccess>) METRICS_EXPORT;
        } else if (data instanceof Logs) {
            return (MethodDescriptor<T, PartialSuccess>) LOGS_EXPORT;
        }
        throw new IllegalArgumentException("no OTLP gRPC service for " + data.getClass().getName());
    }

    /** One signal's service name and marshallers. */
    private record Signal<T extends Telemetry>(String serviceName, OtlpMarshallers<T> marshallers) {

        MethodDescriptor<T, PartialSuccess> clientMethod() {
            return MethodDescriptor.<T, PartialSuccess>newBuilder()
                    .setType(MethodType.UNARY)
                    .setFullMethodName(MethodDescriptor.generateFullMethodName(serviceName, EXPORT))
                    .setRequestMarshaller(marshallers.clientRequest())
                    .setResponseMarshaller(OtlpMarshallers.response())
                    .build();
        }

        ServerServiceDefinition service(OtlpGrpcHandler<T> handler) {
            MethodDescriptor<DecodedRequest<T>, PartialSuccess> method = MethodDescriptor
                    .<DecodedRequest<T>, PartialSuccess>newBuilder()
                    .setType(MethodType.UNARY)
                    .setFullMethodName(MethodDescriptor.generateFullMethodName(serviceName, EXPORT))
                    .setRequestMarshaller(marshallers.serverRequest())
                    .setResponseMarshaller(OtlpMarshallers.response())
                    .build();
            return ServerServiceDefinition.builder(serviceName)
                    .addMethod(method, new OtlpCallHandler<>(handler))
                    .build();
        }
    }
}
