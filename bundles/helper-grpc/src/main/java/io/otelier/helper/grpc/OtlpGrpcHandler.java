package io.otelier.helper.grpc;

import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.otlp.PartialSuccess;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What an OTLP gRPC service does with one decoded {@code Export} request: a receiver's bridge to its next
 * consumer. It runs on grpc's executor and may block. Counting and the skipping of empty requests (upstream
 * answers them without calling the consumer) are the receiver's business.
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
}
