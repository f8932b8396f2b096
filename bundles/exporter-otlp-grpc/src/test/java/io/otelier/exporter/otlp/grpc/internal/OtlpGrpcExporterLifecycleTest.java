package io.otelier.exporter.otlp.grpc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.exporter.Exporter;
import io.otelier.pdata.Telemetry;
import io.otelier.testkit.ExporterLifecycle;
import io.otelier.testkit.TestTelemetry;
import io.otelier.testkit.Threads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** create → start → consume → shutdown for each signal, on shared (read-only) data, leaving no thread behind. */
class OtlpGrpcExporterLifecycleTest {

    /** The in-test backend's threads: it serves each new connection on one. */
    private static final String BACKEND_THREADS = "otelier-grpc-server-";

    private final Fixture f = new Fixture();
    private GrpcBackend backend;

    @BeforeEach
    void startBackend() throws Exception {
        backend = GrpcBackend.start();
        // one round first, so that process-wide statics (netty's cleaner threads, …) exist before we count
        runLifecycle(f.factory.createTraces(f.settings, config()), TestTelemetry.traces(1));
    }

    @AfterEach
    void stopBackend() {
        backend.close();
    }

    @Test
    void traces() throws Exception {
        Threads.assertNoneLeftBy(() -> runLifecycle(f.factory.createTraces(f.settings, config()),
                TestTelemetry.traces(4)), BACKEND_THREADS);
        assertThat(backend.traces.received).contains(TestTelemetry.traces(4));
    }

    @Test
    void metrics() throws Exception {
        Threads.assertNoneLeftBy(() -> runLifecycle(f.factory.createMetrics(f.settings, config()),
                TestTelemetry.metrics()), BACKEND_THREADS);
        assertThat(backend.metrics.received).containsExactly(TestTelemetry.metrics());
    }

    @Test
    void logs() throws Exception {
        Threads.assertNoneLeftBy(() -> runLifecycle(f.factory.createLogs(f.settings, config()),
                TestTelemetry.logs()), BACKEND_THREADS);
        assertThat(backend.logs.received).containsExactly(TestTelemetry.logs());
    }

    @Test
    void aNeverStartedExporterShutsDownCleanly() throws Exception {
        Threads.assertNoneLeftBy(() -> f.factory.createTraces(f.settings, config()).shutdown(), BACKEND_THREADS);
    }

    private OtlpGrpcExporterConfig config() {
        return Fixture.config(backend.endpoint()).build();
    }

    private <T extends Telemetry> void runLifecycle(Exporter<T> exporter, T data) throws Exception {
        ExporterLifecycle.run(exporter, data, f.obs);
    }
}
