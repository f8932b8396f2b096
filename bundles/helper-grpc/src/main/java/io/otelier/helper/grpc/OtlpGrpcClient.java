package io.otelier.helper.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.otlp.PartialSuccess;
import io.otelier.helper.grpc.internal.CallDefaults;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Sends one OTLP {@code Export} call, blocking the calling thread until the answer or the deadline. */
public final class OtlpGrpcClient {

    private OtlpGrpcClient() {
    }

    /**
     * @param channel from {@link GrpcChannels#create}
     * @param data    traces, metrics or logs
     * @param timeout deadline of the call; null or zero for none
     * @param headers sent as metadata with this call (they win over the channel's configured headers)
     * @return the server's partial success ({@link PartialSuccess#NONE} when it accepted everything)
     * @throws StatusRuntimeException when the call fails; {@link GrpcErrors#toConsumerException} classifies it
     *                                as upstream's OTLP exporter does
     */
    public static PartialSuccess export(Channel channel, Telemetry data, Duration timeout, Map<String, String> headers) {
        CallOptions options = CallOptions.DEFAULT;
        if (timeout != null && !timeout.isZero() && !timeout.isNegative()) {
            options = options.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        Channel target = channel;
        if (headers != null && !headers.isEmpty()) {
            Metadata extra = new Metadata();
            headers.forEach((name, value) -> CallDefaults.putIfAbsent(extra, name, value));
            target = ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(extra));
        }
        return ClientCalls.blockingUnaryCall(target, OtlpGrpc.exportMethod(data), options, data);
    }
}
