package io.otelier.receiver.otlp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.CallOptions;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.otelier.api.consumer.PermanentException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.helper.grpc.GrpcErrors;
import io.otelier.helper.grpc.OtlpGrpc;
import io.otelier.helper.grpc.OtlpGrpcClient;
import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import io.otelier.pdata.otlp.PartialSuccess;
import io.otelier.testkit.SinkConsumer;
import io.otelier.testkit.TestHost;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** OTLP/gRPC against a real server on loopback: what upstream's otlp_test.go checks for gRPC. */
class OtlpGrpcReceiverTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final Fixture fixture = new Fixture();

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    static Stream<Arguments> signals() {
        return Stream.of(
                Arguments.of("traces", TestData.traces(3)),
                Arguments.of("metrics", TestData.metrics()),
                Arguments.of("logs", TestData.logs()));
    }

    private SinkConsumer<? extends Telemetry> sinkFor(Telemetry data) {
        if (data instanceof Traces) {
            return fixture.traces;
        }
        return data instanceof Metrics ? fixture.metrics : fixture.logs;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signals")
    void eachSignalArrivesIntactWithTheGrpcTransport(String name, Telemetry data) throws Exception {
        fixture.start(Fixture.config(Fixture.grpcOnLoopback(), null));

        PartialSuccess response = OtlpGrpcClient.export(fixture.grpc(), data, DEADLINE, Map.of());

        assertThat(response.isEmpty()).isTrue();
        SinkConsumer<? extends Telemetry> sink = sinkFor(data);
        assertThat(List.<Telemetry>copyOf(sink.received())).containsExactly(data);
        RequestContext context = sink.contexts().get(0);
        assertThat(context.transport()).contains("grpc");
        assertThat(context.peerAddress()).hasValueSatisfying(peer -> assertThat(peer).startsWith("127.0.0.1:"));
        assertThat(context.metadata()).as("include_metadata is off").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signals")
    void gzipCompressedRequestsAreAccepted(String name, Telemetry data) throws Exception {
        fixture.start(Fixture.config(Fixture.grpcOnLoopback(), null));

        ClientCalls.blockingUnaryCall(fixture.grpc(), OtlpGrpc.exportMethod(data),
                CallOptions.DEFAULT.withCompression("gzip").withDeadlineAfter(10, TimeUnit.SECONDS), data);

        assertThat(List.<Telemetry>copyOf(sinkFor(data).received())).containsExactly(data);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyBatches")
    void aRequestWithoutItemsIsAnsweredWithoutCallingThePipeline(Telemetry empty) throws Exception {
        fixture.start(Fixture.config(Fixture.grpcOnLoopback(), null));

        PartialSuccess response = OtlpGrpcClient.export(fixture.grpc(), empty, DEADLINE, Map.of());

        assertThat(response.isEmpty()).isTrue();
        assertThat(fixture.traces.batchCount() + fixture.metrics.batchCount() + fixture.logs.batchCount()).isZero();
    }

    static Stream<Telemetry> emptyBatches() {
        return Stream.of(TestData.empty(Traces.class), TestData.empty(Metrics.class), TestData.empty(Logs.class));
    }

    @Test
    void aRetryableRefusalIsUnavailableAndTheReceiverKeepsServing() throws Exception {
        fixture.start(Fixture.config(Fixture.grpcOnLoopback(), null));
        fixture.traces.failWith(new RetryableException("memory limit reached"));

        assertThatThrownBy(() -> OtlpGrpcClient.export(fixture.grpc(), TestData.traces(2), DEADLINE, Map.of()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
                    assertThat(e.getStatus().getDescription()).isEqualTo("memory limit reached");
                    assertThat(GrpcErrors.retryDelay(e.getTrailers())).isEmpty();
                });

        fixture.traces.failWith(null);
        OtlpGrpcClient.export(fixture.grpc(), TestData.traces(2), DEADLINE, Map.of());
        assertThat(fixture.traces.itemCount()).isEqualTo(2);
    }

    /** The receiver asks its pipeline per call: one that never blocks is fed from the connection's event loop. */
    @Test
    void aPipelineThatNeverBlocksIsFedOnTheEventLoopAndOneThatMayOnAWorker() throws Exception {
        fixture.start(Fixture.config(Fixture.grpcOnLoopback(), null));
        fixture.traces.mayBlock(false);
        OtlpGrpcClient.export(fixture.grpc(), TestData.traces(1), DEADLINE, Map.of());
        fixture.traces.mayBlock(true);
        OtlpGrpcClient.export(fixture.grpc(), TestData.traces(1), DEADLINE, Map.of());

        assertThat(fixture.traces.threads()).hasSize(2);
        assertThat(fixture.traces.threads().get(0)).contains("-worker-");
        assertThat(fixture.traces.threads().get(1)).contains("-executor-");
    }

    @Test
    void aThrottlingRefusalCarriesItsRetryDelay() throws Exception {
        fixture.start(Fixture.config(Fixture.grpcOnLoopback(), null));
        fixture.metrics.failWith(new RetryableException("slow down", null, Duration.ofSeconds(7)));

        assertThatThrownBy(() -> OtlpGrpcClient.export(fixture.grpc(), TestData.metrics(), DEADLINE, Map.of()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
                    assertThat(GrpcErrors.retryDelay(e.getTrailers())).contains(Duration.ofSeconds(7));
                });
    }

    @Test
    void aPermanentRefusalIsInternalWithUpstreamsPrefix() throws Exception {
        fixture.start(Fixture.config(Fixture.grpcOnLoopback(), null));
        fixture.logs.failWith(new PermanentException("my error"));

        assertThatThrownBy(() -> OtlpGrpcClient.export(fixture.grpc(), TestData.logs(), DEADLINE, Map.of()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(GrpcErrors.describe(e.getStatus()))
                        .isEqualTo("rpc error: code = Internal desc = Permanent error: my error"));

        fixture.logs.failWith(null);
        OtlpGrpcClient.export(fixture.grpc(), TestData.logs(), DEADLINE, Map.of());
        assertThat(fixture.logs.batchCount()).isEqualTo(1);
    }

    @Test
    void includeMetadataPutsTheRequestMetadataIntoTheContext() throws Exception {
        fixture.start(Fixture.config(Fixture.grpcOnLoopback().withIncludeMetadata(true), null));

        OtlpGrpcClient.export(fixture.grpc(), TestData.traces(1), DEADLINE, Map.of("X-Tenant", "acme"));

        RequestContext context = fixture.traces.contexts().get(0);
        assertThat(context.metadata("x-tenant")).containsExactly("acme");
        assertThat(context.transport()).contains("grpc");
    }

    @Test
    void aSignalWithoutAPipelineIsNotServed() throws Exception {
        OtlpReceiverConfig config = Fixture.config(Fixture.grpcOnLoopback(), null);
        SinkConsumer<Traces> only = new SinkConsumer<>();
        var receiver = fixture.factory.createTraces(fixture.settings.settings, config, only);
        fixture.instances.add(receiver);
        receiver.start(new TestHost());

        assertThatThrownBy(() -> OtlpGrpcClient.export(fixture.grpc(), TestData.logs(), DEADLINE, Map.of()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED));
        OtlpGrpcClient.export(fixture.grpc(), TestData.traces(1), DEADLINE, Map.of());
        assertThat(only.received()).hasSize(1);
        assertThat(fixture.logs.batchCount()).isZero();
    }

    @Test
    void theStartIsLoggedWithTheBoundEndpoint() throws Exception {
        fixture.start(Fixture.config(Fixture.grpcOnLoopback(), null));

        int port = fixture.shared().grpcAddress().orElseThrow().getPort();
        assertThat(fixture.settings.logger.entries())
                .filteredOn(e -> e.message().equals("Starting GRPC server"))
                .singleElement()
                .satisfies(e -> assertThat(e.fields()).containsExactly("endpoint", "127.0.0.1:" + port));
        assertThat(fixture.shared().httpAddress()).as("http is off").isEmpty();
    }
}
