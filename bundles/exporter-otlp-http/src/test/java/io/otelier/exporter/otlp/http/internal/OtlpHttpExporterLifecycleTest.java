package io.otelier.exporter.otlp.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.exporter.Exporter;
import io.otelier.pdata.Telemetry;
import io.otelier.testkit.ExporterLifecycle;
import io.otelier.testkit.TestTelemetry;
import io.otelier.testkit.Threads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * create → start → consume → shutdown for each signal, on shared (read-only) data, leaving no thread behind (Java
 * 17's HTTP client has no close(): its threads end once the dropped client is collected, which the check waits for).
 */
class OtlpHttpExporterLifecycleTest {

    /** The in-test backend's threads: it serves each new connection on one. */
    private static final String BACKEND_THREADS = "otelier-http-";

    private final Fixture f = new Fixture();
    private HttpBackend backend;

    @BeforeEach
    void startBackend() throws Exception {
        backend = HttpBackend.start();
        // one round first, so that process-wide statics (the JDK's HTTP client's, …) exist before we count
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
        assertThat(backend.traces.data()).contains(TestTelemetry.traces(4));
    }

    @Test
    void metrics() throws Exception {
        Threads.assertNoneLeftBy(() -> runLifecycle(f.factory.createMetrics(f.settings, config()),
                TestTelemetry.metrics()), BACKEND_THREADS);
        assertThat(backend.metrics.data()).containsExactly(TestTelemetry.metrics());
    }

    @Test
    void logs() throws Exception {
        Threads.assertNoneLeftBy(() -> runLifecycle(f.factory.createLogs(f.settings, config()),
                TestTelemetry.logs()), BACKEND_THREADS);
        assertThat(backend.logs.data()).containsExactly(TestTelemetry.logs());
    }

    @Test
    void aNeverStartedExporterShutsDownCleanly() throws Exception {
        Threads.assertNoneLeftBy(() -> f.factory.createTraces(f.settings, config()).shutdown(), BACKEND_THREADS);
    }

    private OtlpHttpExporterConfig config() {
        return Fixture.config(backend.url()).build();
    }

    private <T extends Telemetry> void runLifecycle(Exporter<T> exporter, T data) throws Exception {
        ExporterLifecycle.run(exporter, data, f.obs);
    }
}
