package io.otelier.exporter.otlp.grpc.internal;

import static io.otelier.exporter.otlp.grpc.internal.Fixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.consumer.RequestContext;
import io.otelier.api.exporter.Exporter;
import io.otelier.pdata.Telemetry;
import io.otelier.testkit.TestHost;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** create → start → consume → shutdown for each signal, on shared (read-only) data, leaving no thread behind. */
class OtlpGrpcExporterLifecycleTest {

    private final Fixture f = new Fixture();
    private GrpcBackend backend;

    @BeforeEach
    void startBackend() throws Exception {
        backend = GrpcBackend.start();
        // one round first, so that process-wide statics (netty's cleaner threads, …) exist before we count
        runLifecycle(() -> f.factory.createTraces(f.settings, Fixture.config(backend.endpoint()).build()),
                TestData.traces(1));
    }

    @AfterEach
    void stopBackend() {
        backend.close();
    }

    @Test
    void traces() throws Exception {
        assertNoThreadLeft(() -> runLifecycle(
                () -> f.factory.createTraces(f.settings, Fixture.config(backend.endpoint()).build()),
                TestData.traces(4)));
        assertThat(backend.traces.received).contains(TestData.traces(4));
    }

    @Test
    void metrics() throws Exception {
        assertNoThreadLeft(() -> runLifecycle(
                () -> f.factory.createMetrics(f.settings, Fixture.config(backend.endpoint()).build()),
                TestData.metrics()));
        assertThat(backend.metrics.received).containsExactly(TestData.metrics());
    }

    @Test
    void logs() throws Exception {
        assertNoThreadLeft(() -> runLifecycle(
                () -> f.factory.createLogs(f.settings, Fixture.config(backend.endpoint()).build()),
                TestData.logs()));
        assertThat(backend.logs.received).containsExactly(TestData.logs());
    }

    @Test
    void aNeverStartedExporterShutsDownCleanly() throws Exception {
        assertNoThreadLeft(() -> f.factory.createTraces(f.settings, Fixture.config(backend.endpoint()).build())
                .shutdown());
    }

    private interface Run {
        void run() throws Exception;
    }

    private static void assertNoThreadLeft(Run run) throws Exception {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        run.run();
        assertThat(eventually(() -> newThreads(before).isEmpty(), Duration.ofSeconds(10)))
                .as("threads left behind: %s", newThreads(before)).isTrue();
    }

    /** Threads started since {@code before}, except the in-test backend's (it serves each new connection). */
    private static List<String> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).filter(t -> !before.contains(t))
                .map(Thread::getName).filter(name -> !name.startsWith("otelier-grpc-server-")).sorted().toList();
    }

    /** The data is marked read-only, as fanned-out data is: exporting must only read it. */
    private <T extends Telemetry> void runLifecycle(Supplier<Exporter<T>> create, T data) throws Exception {
        Telemetry expected = data.deepCopy();
        data.markReadOnly();
        long sentBefore = f.obs.sent.get();
        Exporter<T> exporter = create.get();

        exporter.start(new TestHost());
        exporter.consume(RequestContext.EMPTY, data);
        exporter.shutdown();

        assertThat(f.obs.sent.get() - sentBefore).as("drained before shutdown returned").isEqualTo(data.itemCount());
        assertThat(data).isEqualTo(expected);
    }
}
