package io.otelier.receiver.otlp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.receiver.Receiver;
import io.otelier.helper.grpc.OtlpGrpcClient;
import io.otelier.pdata.Traces;
import io.otelier.pdata.otlp.OtlpProto;
import io.otelier.testkit.SinkConsumer;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One receiver id, one pair of servers, whatever the number of signals and pipelines using it. */
class SharedServerTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final String PROTO = "application/x-protobuf";

    private final Fixture fixture = new Fixture();

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void tracesMetricsAndLogsOfOneIdShareOneServerPerProtocol() throws Exception {
        fixture.start(Fixture.loopback());

        assertThat(fixture.instances).extracting(r -> ((SignalReceiver) r).shared()).containsOnly(fixture.shared());
        assertThat(fixture.settings.logger.entries()).filteredOn(e -> e.message().startsWith("Starting "))
                .extracting(e -> e.message()).containsExactly("Starting GRPC server", "Starting HTTP server");

        OtlpGrpcClient.export(fixture.grpc(), TestData.traces(2), DEADLINE, Map.of());
        OtlpGrpcClient.export(fixture.grpc(), TestData.metrics(), DEADLINE, Map.of());
        OtlpGrpcClient.export(fixture.grpc(), TestData.logs(), DEADLINE, Map.of());
        InetSocketAddress http = fixture.http();
        assertThat(RawHttp.post(http, "/v1/traces", PROTO, OtlpProto.encode(TestData.traces(1))).status()).isEqualTo(200);
        assertThat(RawHttp.post(http, "/v1/metrics", PROTO, OtlpProto.encode(TestData.metrics())).status()).isEqualTo(200);
        assertThat(RawHttp.post(http, "/v1/logs", PROTO, OtlpProto.encode(TestData.logs())).status()).isEqualTo(200);

        assertThat(fixture.traces.itemCount()).isEqualTo(3);
        assertThat(fixture.metrics.batchCount()).isEqualTo(2);
        assertThat(fixture.logs.batchCount()).isEqualTo(2);
        assertThat(fixture.factory.sharedCount()).isEqualTo(1);
    }

    @Test
    void theServersStopWhenTheLastStartedInstanceShutsDown() throws Exception {
        fixture.start(Fixture.loopback());
        InetSocketAddress http = fixture.http();
        InetSocketAddress grpc = fixture.shared().grpcAddress().orElseThrow();

        fixture.instances.get(0).shutdown();
        fixture.instances.get(1).shutdown();
        assertThat(RawHttp.post(http, "/v1/logs", PROTO, OtlpProto.encode(TestData.logs())).status())
                .as("still served while the logs instance runs").isEqualTo(200);

        fixture.instances.get(2).shutdown();
        assertThat(fixture.shared().httpAddress()).isEmpty();
        assertThat(fixture.factory.sharedCount()).isZero();
        assertRefused(http);
        assertRefused(grpc);
    }

    @Test
    void differentIdsGetTheirOwnServers() throws Exception {
        fixture.start(Fixture.loopback());
        TestSettings other = TestSettings.of(ComponentKind.RECEIVER, "otlp/2");
        SinkConsumer<Traces> sink = new SinkConsumer<>();
        Receiver second = fixture.factory.createTraces(other.settings, Fixture.loopback(), sink);
        try {
            second.start(new TestHost());
            OtlpReceiver shared = ((SignalReceiver) second).shared();

            assertThat(shared).isNotSameAs(fixture.shared());
            assertThat(shared.httpAddress().orElseThrow()).isNotEqualTo(fixture.http());
            assertThat(RawHttp.post(shared.httpAddress().orElseThrow(), "/v1/traces", PROTO,
                    OtlpProto.encode(TestData.traces(4))).status()).isEqualTo(200);
            assertThat(sink.itemCount()).isEqualTo(4);
            assertThat(fixture.traces.batchCount()).isZero();
            assertThat(fixture.factory.sharedCount()).isEqualTo(2);
        } finally {
            second.shutdown();
        }
    }

    /**
     * A reload builds the new graph before it stops the running one: instances made from a newly bound config get
     * their own servers, never the running ones with the old pipelines.
     */
    @Test
    void aNewlyBoundConfigOfTheSameIdDoesNotJoinTheRunningServers() throws Exception {
        fixture.start(Fixture.loopback());
        OtlpReceiverConfig rebound = Fixture.loopback();

        Receiver next = fixture.factory.createTraces(fixture.settings.settings, rebound, new SinkConsumer<>());

        assertThat(((SignalReceiver) next).shared()).isNotSameAs(fixture.shared());
        next.shutdown();
    }

    @Test
    void aPortInUseFailsTheStartWithGosWordingAndLeavesNothingRunning() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            HttpConfig http = Fixture.httpOnLoopback();
            String endpoint = "127.0.0.1:" + taken.getLocalPort();
            OtlpReceiverConfig config = Fixture.config(Fixture.grpcOnLoopback(),
                    http.withServerSettings(http.toServerSettings().withEndpoint(endpoint)));

            assertThatThrownBy(() -> fixture.start(config))
                    .isInstanceOf(IOException.class)
                    .hasMessage("listen tcp " + endpoint + ": bind: address already in use");

            assertThat(fixture.shared().grpcAddress()).as("the gRPC server started first is stopped").isEmpty();
            assertThat(fixture.factory.sharedCount()).isZero();
            assertThatThrownBy(() -> fixture.instances.get(1).start(new TestHost()))
                    .as("the other instances fail the same way").hasMessageContaining("address already in use");
        }
    }

    private static void assertRefused(InetSocketAddress address) {
        assertThatThrownBy(() -> new Socket(address.getAddress(), address.getPort()).close())
                .isInstanceOf(ConnectException.class);
    }
}
