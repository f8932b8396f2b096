package io.otelier.exporter.otlp.grpc.internal;

import com.google.protobuf.CodedOutputStream;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.helper.grpc.GrpcServer;
import io.otelier.helper.grpc.GrpcServerSettings;
import io.otelier.helper.grpc.GrpcServers;
import io.otelier.helper.grpc.OtlpGrpc;
import io.otelier.helper.grpc.OtlpGrpcHandler;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import io.otelier.pdata.otlp.PartialSuccess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real OTLP gRPC server on loopback (helper-grpc's), with a recording handler per signal that fails as a test
 * scripts it. It records each call's {@code grpc-encoding} and, with include_metadata on, its metadata.
 */
final class GrpcBackend implements AutoCloseable {

    final Recorder<Traces> traces = new Recorder<>();
    final Recorder<Metrics> metrics = new Recorder<>();
    final Recorder<Logs> logs = new Recorder<>();
    final List<String> encodings = new CopyOnWriteArrayList<>();
    private final GrpcServer server;

    private GrpcBackend(String endpoint) throws IOException {
        ServerInterceptor encodingRecorder = new EncodingRecorder(encodings);
        server = GrpcServers.start(GrpcServerSettings.defaults(endpoint).withIncludeMetadata(true),
                ServerInterceptors.intercept(OtlpGrpc.traceService(traces), encodingRecorder),
                ServerInterceptors.intercept(OtlpGrpc.metricsService(metrics), encodingRecorder),
                ServerInterceptors.intercept(OtlpGrpc.logsService(logs), encodingRecorder));
    }

    /** On a free loopback port. */
    static GrpcBackend start() throws IOException {
        return new GrpcBackend("127.0.0.1:0");
    }

    static GrpcBackend start(int port) throws IOException {
        return new GrpcBackend("127.0.0.1:" + port);
    }

    String endpoint() {
        return "127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.shutdown(Duration.ofSeconds(5));
    }

    /**
     * A status carrying a {@code google.rpc.RetryInfo} in {@code grpc-status-details-bin}, as a throttling OTLP
     * server sends it.
     */
    static StatusRuntimeException withRetryInfo(Status.Code code, String message, Duration delay) {
        Metadata trailers = new Metadata();
        trailers.put(Metadata.Key.of("grpc-status-details-bin", Metadata.BINARY_BYTE_MARSHALLER),
                rpcStatus(code.value(), message, delay));
        return Status.fromCode(code).withDescription(message).asRuntimeException(trailers);
    }

    /** google.rpc.Status{code, message, details: [Any{RetryInfo{retry_delay}}]}, written by hand. */
    private static byte[] rpcStatus(int code, String message, Duration delay) {
        byte[] duration = message(out -> {
            out.writeInt64(1, delay.getSeconds());
            out.writeInt32(2, delay.getNano());
        });
        byte[] retryInfo = message(out -> out.writeByteArray(1, duration));
        byte[] any = message(out -> {
            out.writeString(1, "type.googleapis.com/google.rpc.RetryInfo");
            out.writeByteArray(2, retryInfo);
        });
        return message(out -> {
            out.writeInt32(1, code);
            out.writeString(2, message);
            out.writeByteArray(3, any);
        });
    }

    private interface Writer {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            writer.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Records each call and answers with the next scripted failure, if any, else with {@link #answer}. */
    static final class Recorder<T extends Telemetry> implements OtlpGrpcHandler<T> {
        final List<T> received = new CopyOnWriteArrayList<>();
        final List<RequestContext> contexts = new CopyOnWriteArrayList<>();
        final List<Long> attemptNanos = new CopyOnWriteArrayList<>();
        /** Thrown one per call, in order: ConsumerExceptions or StatusRuntimeExceptions. */
        final Queue<Exception> failures = new ConcurrentLinkedQueue<>();
        volatile PartialSuccess answer = PartialSuccess.NONE;
        volatile Duration delay = Duration.ZERO;

        @Override
        public PartialSuccess export(RequestContext context, T data) throws ConsumerException {
            attemptNanos.add(System.nanoTime());
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Exception failure = failures.poll();
            if (failure instanceof ConsumerException ce) {
                throw ce;
            }
            if (failure instanceof RuntimeException re) {
                throw re;
            }
            received.add(data);
            contexts.add(context);
            return answer;
        }

        int attempts() {
            return attemptNanos.size();
        }
    }

    private record EncodingRecorder(List<String> into) implements ServerInterceptor {
        private static final Metadata.Key<String> ENCODING =
                Metadata.Key.of("grpc-encoding", Metadata.ASCII_STRING_MARSHALLER);

        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                ServerCallHandler<Q, R> next) {
            String value = headers.get(ENCODING);
            into.add(value == null ? "identity" : value);
            return next.startCall(call, headers);
        }
    }
}
