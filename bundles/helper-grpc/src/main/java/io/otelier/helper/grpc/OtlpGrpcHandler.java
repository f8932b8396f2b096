package io.otelier.helper.grpc;

import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.otlp.PartialSuccess;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What an OTLP gRPC service does with one decoded {@code Export} request: a receiver's bridge to its next
 * consumer. It runs on a worker thread and may block, unless it says otherwise through {@link #mayBlock}.
 * Counting and the skipping of empty requests (upstream answers them without calling the consumer) are the
 * receiver's business.
 */
@ConsumerType
@FunctionalInterface
public interface OtlpGrpcHandler<T extends Telemetry> {

    /**
     * @param context transport {@code grpc}, the peer address and, with {@code include_metadata}, the metadata
     * @return the partial success to answer with; {@link PartialSuccess#NONE} (or null) for full success
     * @throws ConsumerException the data was refused: answered as {@link GrpcErrors#toStatus} says
     */
    PartialSuccess export(RequestContext context, T data) throws ConsumerException;

    /**
     * False when {@link #export} never waits for anything but CPU (see {@code Consumer.mayBlock}): the server then
     * calls it on the connection's event loop instead of handing the call to a worker thread, which saves two
     * thread wake-ups per call. Asked per call.
     */
    default boolean mayBlock() {
        return true;
    }
}
