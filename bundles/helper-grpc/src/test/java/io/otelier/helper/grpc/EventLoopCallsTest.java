package io.otelier.helper.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.stub.ClientCalls;
import io.otelier.api.consumer.RequestContext;
import io.otelier.pdata.Traces;
import io.otelier.pdata.otlp.PartialSuccess;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Servers of OTLP services read requests on their event loops and call handlers there only when the handler
 * says it never blocks; a handler that may block runs on the server's worker pool, where waiting stalls nothing
 * else.
 */
class EventLoopCallsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private GrpcServer server;
    private ManagedChannel channel;

    @AfterEach
    void close() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow();
            assertThat(channel.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        if (server != null) {
            assertThat(server.shutdown(Duration.ofSeconds(10))).as("server stopped").isTrue();
        }
    }

    @Test
    void handlerThatNeverBlocksIsCalledOnTheEventLoop() throws IOException {
        ThreadRecorder<Traces> handler = new ThreadRecorder<>(false);
        start(OtlpGrpc.traceService(handler));

        assertThat(export(TestData.traces(2))).isEqualTo(PartialSuccess.NONE);

        assertThat(handler.threads).singleElement().asString().contains("-worker-");
        assertThat(handler.contexts.get(0).peerAddress()).hasValueSatisfying(p -> assertThat(p).startsWith("127.0.0.1:"));
    }

    @Test
    void handlerThatMayBlockIsCalledOnTheWorkerPoolWithItsContext() throws IOException {
        ThreadRecorder<Traces> handler = new ThreadRecorder<>(true);
        start(OtlpGrpc.traceService(handler));

        assertThat(export(TestData.traces(2))).isEqualTo(PartialSuccess.NONE);

        assertThat(handler.threads).singleElement().asString().contains("-executor-");
        RequestContext context = handler.contexts.get(0);
        assertThat(context.transport()).contains("grpc");
        assertThat(context.peerAddress()).hasValueSatisfying(p -> assertThat(p).startsWith("127.0.0.1:"));
    }

    @Test
    void theAnswerIsAskedForEveryCall() throws IOException {
        ThreadRecorder<Traces> handler = new ThreadRecorder<>(false);
        start(OtlpGrpc.traceService(handler));

        export(TestData.traces(1));
        handler.mayBlock = true;
        export(TestData.traces(1));
        handler.mayBlock = false;
        export(TestData.traces(1));

        assertThat(handler.threads).hasSize(3);
        assertThat(handler.threads.get(0)).contains("-worker-");
        assertThat(handler.threads.get(1)).contains("-executor-");
        assertThat(handler.threads.get(2)).contains("-worker-");
    }

    /** One channel is one connection, served by one event loop: a call waiting there would hold up the next. */
    @Test
    void aWaitingHandlerDoesNotHoldUpTheNextCallOnTheSameConnection() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstWaiting = new CountDownLatch(1);
        OtlpGrpcHandler<Traces> handler = new OtlpGrpcHandler<>() {
            @Override
            public PartialSuccess export(RequestContext context, Traces data) {
                if (data.itemCount() == 3) {
                    firstWaiting.countDown();
                    try {
                        release.await(); // like an exporter without a queue, sending
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return PartialSuccess.NONE;
            }
        };
        start(OtlpGrpc.traceService(handler));

        Future<PartialSuccess> first = ClientCalls.futureUnaryCall(channel.newCall(OtlpGrpc.TRACES_EXPORT,
                CallOptions.DEFAULT.withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)), TestData.traces(3));
        assertThat(firstWaiting.await(10, TimeUnit.SECONDS)).as("first call reached the handler").isTrue();

        assertThat(export(TestData.traces(1))).as("second call, while the first waits").isEqualTo(PartialSuccess.NONE);
        assertThatNotDone(first);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(PartialSuccess.NONE);
    }

    @Test
    void otherHandlersKeepTheWorkerPoolEvenBesideOtlpServices() throws IOException {
        ThreadRecorder<Traces> wrapped = new ThreadRecorder<>(false);
        ServerInterceptor passThrough = new ServerInterceptor() {
            @Override
            public <Q, R> io.grpc.ServerCall.Listener<Q> interceptCall(io.grpc.ServerCall<Q, R> call,
                    io.grpc.Metadata headers, io.grpc.ServerCallHandler<Q, R> next) {
                return next.startCall(call, headers);
            }
        };
        ThreadRecorder<io.otelier.pdata.Logs> logs = new ThreadRecorder<>(false);
        start(ServerInterceptors.intercept(OtlpGrpc.traceService(wrapped), passThrough), OtlpGrpc.logsService(logs));

        export(TestData.traces(1));
        OtlpGrpcClient.export(channel, TestData.logs(), DEADLINE, Map.of());

        assertThat(wrapped.threads).singleElement().asString().contains("-executor-");
        assertThat(logs.threads).singleElement().asString().contains("-executor-");
    }

    private void start(io.grpc.ServerServiceDefinition... services) throws IOException {
        server = GrpcServers.start(GrpcRoundTripTest.serverSettings(), services);
        channel = GrpcChannels.create(GrpcRoundTripTest.clientSettings(server));
    }

    private PartialSuccess export(io.otelier.pdata.Telemetry data) {
        return OtlpGrpcClient.export(channel, data, DEADLINE, Map.of());
    }

    private static void assertThatNotDone(Future<?> future) throws ExecutionException, InterruptedException {
        try {
            future.get(50, TimeUnit.MILLISECONDS);
            throw new AssertionError("the first call should still be waiting in its handler");
        } catch (TimeoutException expected) {
            // still waiting, as it should
        }
    }

    /** Records the thread each call ran on and answers {@link #mayBlock} as told. */
    private static final class ThreadRecorder<T extends io.otelier.pdata.Telemetry> implements OtlpGrpcHandler<T> {
        final List<String> threads = new CopyOnWriteArrayList<>();
        final List<RequestContext> contexts = new CopyOnWriteArrayList<>();
        volatile boolean mayBlock;

        ThreadRecorder(boolean mayBlock) {
            this.mayBlock = mayBlock;
        }

        @Override
        public PartialSuccess export(RequestContext context, T data) {
            threads.add(Thread.currentThread().getName());
            contexts.add(context);
            return PartialSuccess.NONE;
        }

        @Override
        public boolean mayBlock() {
            return mayBlock;
        }
    }
}
