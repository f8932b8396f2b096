package io.otelier.exporter.otlp.grpc.internal;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.CreateSettings;
import io.otelier.helper.exporter.QueueSettings;
import io.otelier.helper.exporter.RetrySettings;
import io.otelier.helper.tls.TlsClientSettings;
import io.otelier.testkit.RecordingLogger;
import io.otelier.testkit.RecordingObsReport;
import io.otelier.testkit.TestSettings;
import java.time.Duration;
import java.util.Map;

/** Create settings with a recording logger and obs report, and configs for a loopback backend. */
final class Fixture {

    /** Retries quickly and for long enough that a test never runs out of them by accident. */
    static final RetrySettings FAST_RETRY = new RetrySettings(true, Duration.ofMillis(20), 0, 1.5,
            Duration.ofMillis(100), Duration.ofSeconds(30));

    final TestSettings test = TestSettings.of(ComponentKind.EXPORTER, "otlp_grpc/test");
    final RecordingObsReport obs = new RecordingObsReport();
    final CreateSettings settings = test.reportingTo(obs);
    final OtlpGrpcExporterFactory factory = new OtlpGrpcExporterFactory();

    RecordingLogger logger() {
        return test.logger;
    }

    /** Upstream's defaults, pointed at a plaintext endpoint, with fast retries. */
    static Config config(String endpoint) {
        return new Config(endpoint);
    }

    /** A mutable view of the config record, for tests. */
    static final class Config {
        Duration timeout = Duration.ofSeconds(5);
        QueueSettings queue = QueueSettings.defaults().withNumConsumers(2);
        RetrySettings retry = FAST_RETRY;
        String endpoint;
        TlsClientSettings tls = TlsClientSettings.plaintext();
        Map<String, String> headers = Map.of();
        String compression = OtlpGrpcExporterConfig.DEFAULT_COMPRESSION;

        Config(String endpoint) {
            this.endpoint = endpoint;
        }

        Config timeout(Duration value) {
            timeout = value;
            return this;
        }

        Config queue(QueueSettings value) {
            queue = value;
            return this;
        }

        Config retry(RetrySettings value) {
            retry = value;
            return this;
        }

        Config headers(Map<String, String> value) {
            headers = value;
            return this;
        }

        Config compression(String value) {
            compression = value;
            return this;
        }

        /** Synchronous: no queue, no retries, so {@code consume} throws what the sender throws. */
        Config direct() {
            return queue(QueueSettings.disabled()).retry(RetrySettings.disabled());
        }

        OtlpGrpcExporterConfig build() {
            OtlpGrpcExporterConfig d = OtlpGrpcExporterConfig.defaults();
            OtlpGrpcExporterConfig c = new OtlpGrpcExporterConfig(timeout, queue, retry, endpoint, tls, headers,
                    compression, d.readBufferSize(), d.writeBufferSize(), d.waitForReady(), d.keepalive(),
                    d.balancerName(), d.authority(), d.userAgent());
            c.validate();
            return c;
        }
    }
}
