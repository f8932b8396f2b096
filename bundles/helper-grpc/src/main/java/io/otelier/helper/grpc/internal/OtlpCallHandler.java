package io.otelier.helper.grpc.internal;

import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.helper.grpc.GrpcErrors;
import io.otelier.helper.grpc.OtlpGrpcHandler;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.otlp.PartialSuccess;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Serves one unary OTLP {@code Export} call: hands the decoded data to the handler and answers with its partial
 * success, or with the status upstream gives to a request that could not be read
 * (see {@link OtlpMarshallers#serverRequest()}) or to a refusal ({@link GrpcErrors#toStatus}). A compressed
 * request gets a response compressed the same way, as grpc-go does.
 *
 * <p>Bound to an executor ({@link #offloadingTo}), it expects to be called on the connection's event loop (a
 * server with grpc's direct executor, see {@code GrpcServers}): reading and checking the request happen there,
 * and the handler is called there too when it says it never blocks ({@link OtlpGrpcHandler#mayBlock}), or on
 * the executor otherwise. Unbound, everything runs on the thread grpc calls it on.
 */
public final class OtlpCallHandler<T extends Telemetry> implements ServerCallHandler<DecodedRequest<T>, PartialSuccess> {

    static final Metadata.Key<String> GRPC_ENCODING = Metadata.Key.of("grpc-encoding", Metadata.ASCII_STRING_MARSHALLER);

    private final OtlpGrpcHandler<T> handler;
    private final Executor offload;

    public OtlpCallHandler(OtlpGrpcHandler<T> handler) {
        this(handler, null);
    }

    private OtlpCallHandler(OtlpGrpcHandler<T> handler, Executor offload) {
        this.handler = handler;
        this.offload = offload;
    }

    /** The same service for a server that calls it on its event loops: blocking handlers go to {@code executor}. */
    public OtlpCallHandler<T> offloadingTo(Executor executor) {
        return new OtlpCallHandler<>(handler, executor);
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
            } else if (offload != null && handler.mayBlock()) {
                RequestContext context = ClientInfoInterceptor.current();
                T data = request.data();
                try {
                    offload.execute(Context.current().wrap(() -> export(context, data)));
                } catch (RejectedExecutionException shuttingDown) {
                    close(Status.UNAVAILABLE.withDescription("server is shutting down"), new Metadata());
                }
            } else {
                export(ClientInfoInterceptor.current(), request.data());
            }
        }

        private void export(RequestContext context, T data) {
            PartialSuccess response;
            try {
                response = handler.export(context, data);
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
