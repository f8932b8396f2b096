package io.otelier.helper.grpc.internal;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.otelier.helper.grpc.GrpcErrors;
import io.otelier.helper.grpc.OtlpGrpcHandler;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.otlp.PartialSuccess;

/**
 * Serves one unary OTLP {@code Export} call: hands the decoded data to the handler on grpc's executor and
 * answers with its partial success, or with the status upstream gives to a request that could not be read
 * (see {@link OtlpMarshallers#serverRequest()}) or to a refusal ({@link GrpcErrors#toStatus}). A compressed request gets a response compressed the same way, as grpc-go does.
 */
public final class OtlpCallHandler<T extends Telemetry> implements ServerCallHandler<DecodedRequest<T>, PartialSuccess> {

    static final Metadata.Key<String> GRPC_ENCODING = Metadata.Key.of("grpc-encoding", Metadata.ASCII_STRING_MARSHALLER);

    private final OtlpGrpcHandler<T> handler;

    public OtlpCallHandler(OtlpGrpcHandler<T> handler) {
        this.handler = handler;
    }

    @Override
    public ServerCall.Listener<DecodedRequest<T>> startCall(ServerCall<DecodedRequest<T>, PartialSuccess> call,
            Metadata headers) {
        // ask for two messages, so that a client streaming more than one into this unary method is noticed
        call.request(2);
        return new Listener(call, headers.get(GRPC_ENCODING));
    }

    private final class Listener extends ServerCall.Listener<DecodedRequest<T>> {
        private final ServerCall<DecodedRequest<T>, PartialSuccess> call;
        private final String requestEncoding;
        private DecodedRequest<T> request;
        private boolean closed;

        Listener(ServerCall<DecodedRequest<T>, PartialSuccess> call, String requestEncoding) {
            this.call = call;
            this.requestEncoding = requestEncoding;
        }

        @Override
        public void onMessage(DecodedRequest<T> message) {
            if (request != null) {
                close(Status.INTERNAL.withDescription("grpc: too many request messages for a unary method"),
                        new Metadata());
                return;
            }
            request = message;
        }

        @Override
        public void onHalfClose() {
            if (closed) {
                return;
            }
            if (request == null) {
                close(Status.INTERNAL.withDescription("grpc: no request message for a unary method"), new Metadata());
            } else if (request.isFailed()) {
                close(request.failure(), new Metadata());
            } else {
                export(request.data());
            }
        }

        private void export(T data) {
            PartialSuccess response;
            try {
                response = handler.export(ClientInfoInterceptor.current(), data);
            } catch (Exception | LinkageError e) {
                StatusRuntimeException status = GrpcErrors.toStatus(e);
                Metadata trailers = status.getTrailers();
                close(status.getStatus(), trailers != null ? trailers : new Metadata());
                return;
            }
            if (requestEncoding != null && !requestEncoding.equals("identity")) {
                try {
                    call.setCompression(requestEncoding);
                } catch (IllegalArgumentException unknownHere) {
                    // answer uncompressed: the response is a few bytes anyway
                }
            }
            call.sendHeaders(new Metadata());
            call.sendMessage(response != null ? response : PartialSuccess.NONE);
            close(Status.OK, new Metadata());
        }

        private void close(Status status, Metadata trailers) {
            if (!closed) {
                closed = true;
                call.close(status, trailers);
            }
        }
    }
}
