package io.otelier.helper.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.otelier.pdata.Traces;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Servers and channels leave no threads behind: components can be stopped and their bundles replaced. */
class GrpcLifecycleTest {

    @Test
    void serverAndChannelStopAllTheirThreads() throws Exception {
        GrpcRoundTripTest.Recorder<Traces> traces = new GrpcRoundTripTest.Recorder<>();
        GrpcServer server = GrpcServers.start(GrpcRoundTripTest.serverSettings(), OtlpGrpc.traceService(traces));
        ManagedChannel channel = GrpcChannels.create(GrpcRoundTripTest.clientSettings(server).withCompression("zstd"));
        OtlpGrpcClient.export(channel, TestData.traces(10), Duration.ofSeconds(10), Map.of());
        assertThat(traces.data).hasSize(1);
        assertThat(grpcThreads()).isNotEmpty();

        channel.shutdown();
        assertThat(channel.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(server.shutdown(Duration.ofSeconds(10))).isTrue();

        assertThat(server.isTerminated()).isTrue();
        assertThat(channel.isTerminated()).isTrue();
        assertThat(eventually(() -> grpcThreads().isEmpty())).as("threads left: %s", grpcThreads()).isTrue();
    }

    @Test
    void aChannelShutDownWithoutWaitingStillReleasesItsThreads() throws Exception {
        ManagedChannel channel = GrpcChannels.create(GrpcClientSettings.defaults().withEndpoint("127.0.0.1:9")
                .withTls(io.otelier.helper.tls.TlsClientSettings.plaintext()));

        channel.shutdown();

        assertThat(eventually(channel::isTerminated)).isTrue();
        assertThat(eventually(() -> grpcThreads().isEmpty())).as("threads left: %s", grpcThreads()).isTrue();
    }

    /** Our threads, and grpc's process-wide shared ones, which nothing here should have started. */
    private static List<String> grpcThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("otelier-grpc-") || name.startsWith("grpc-")).sorted().toList();
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
