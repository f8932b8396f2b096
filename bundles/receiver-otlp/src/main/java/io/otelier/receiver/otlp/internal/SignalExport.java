package io.otelier.receiver.otlp.internal;

import io.otelier.api.consumer.Consumer;
import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.helper.grpc.OtlpGrpcHandler;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.otlp.PartialSuccess;

/**
 * One signal's {@code Export} (upstream's {@code internal/trace|metrics|logs} receivers), shared by the gRPC
 * service and the HTTP handler: a request without spans, data points or log records is answered without
 * calling the pipeline, anything else goes to it as received. The receiver itself never rejects part of a
 * request, so a success has no partial success.
 */
final class SignalExport<T extends Telemetry> implements OtlpGrpcHandler<T> {

    private final OtlpSignal<T> signal;
    private final Consumer<T> next;

    SignalExport(OtlpSignal<T> signal, Consumer<T> next) {
        this.signal = signal;
        this.next = next;
    }

    OtlpSignal<T> signal() {
        return signal;
    }

    @Override
    public PartialSuccess export(RequestContext context, T data) throws ConsumerException {
        if (data.itemCount() == 0) {
            return PartialSuccess.NONE;
        }
        next.consume(context, data);
        return PartialSuccess.NONE;
    }

    @Override
    public boolean mayBlock() {
        return next.mayBlock();
    }
}
