package io.otelier.helper.grpc.internal;

import io.grpc.Status;
import io.otelier.pdata.Telemetry;

/**
 * A request as the server's marshaller read it: the data, or the status to fail the call with. Reading never
 * throws out of the marshaller — grpc-java would turn any exception there into UNKNOWN — so the handler
 * answers a bad request with the status upstream gives it.
 *
 * @param data    the decoded data, or null when {@code failure} is set
 * @param failure why the request cannot be served, or null
 */
public record DecodedRequest<T extends Telemetry>(T data, Status failure) {

    static <T extends Telemetry> DecodedRequest<T> of(T data) {
        return new DecodedRequest<>(data, null);
    }

    static <T extends Telemetry> DecodedRequest<T> failed(Status failure) {
        return new DecodedRequest<>(null, failure);
    }

    public boolean isFailed() {
        return failure != null;
    }
}
