package io.otelier.receiver.otlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.helper.grpc.OtlpGrpcClient;
import io.otelier.pdata.otlp.OtlpJson;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** create → start → consume → shutdown, with no server thread left behind. */
class OtlpReceiverLifecycleTest {

    @Test
    void lifecycle() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Fixture fixture = new Fixture();

        fixture.start(Fixture.loopback());
        OtlpGrpcClient.export(fixture.grpc(), TestData.traces(5), Duration.ofSeconds(10), Map.of());
        RawHttp.Response response = RawHttp.post(fixture.http(), "/v1/logs", "application/json",
                OtlpJson.encode(TestData.logs()));
        fixture.close();

        assertThat(response.status()).isEqualTo(200);
        assertThat(fixture.traces.itemCount()).isEqualTo(5);
        assertThat(fixture.logs.received()).containsExactly(TestData.logs());
        assertThat(fixture.metrics.batchCount()).isZero();
        assertThat(fixture.factory.sharedCount()).isZero();
        // event-loop threads exit just after their termination is signalled: allow them a moment
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (!serverThreadsStartedSince(before).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(serverThreadsStartedSince(before)).as("server threads left behind").isEmpty();
    }

    /** The helpers name every server thread "otelier-…"; grpc's client threads are shared and not ours. */
    private static Set<String> serverThreadsStartedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && t.getName().startsWith("otelier-"))
                .map(Thread::getName)
                .collect(Collectors.toSet());
    }
}
