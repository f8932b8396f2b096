package io.otelier.exporter.otlp.http.internal;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.CreateSettings;
import io.otelier.helper.exporter.QueueSettings;
import io.otelier.helper.exporter.RetrySettings;
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

    final TestSettings test = TestSettings.of(ComponentKind.EXPORTER, "otlp_http/test");
    final RecordingObsReport obs = new RecordingObsReport();
    final CreateSettings settings = test.reportingTo(obs);
    final OtlpHttpExporterFactory factory = new OtlpHttpExporterFactory();

    RecordingLogger logger() {
        return test.logger;
    }

    /** Upstream's defaults, pointed at a base URL, with fast retries. */
    static Config config(String endpoint) {
        return new Config(endpoint);
    }

    /** A mutable view of the config record, for tests. */
    static final class Config {
        String endpoint;
        String tracesEndpoint = "";
        Duration timeout = Duration.ofSeconds(5);
        QueueSettings queue = QueueSettings.defaults().withNumConsumers(2);
        RetrySettings retry = FAST_RETRY;
        Map<String, String> headers = Map.of();
        String compression = OtlpHttpExporterConfig.DEFAULT_COMPRESSION;
        String encoding = OtlpHttpExporterConfig.ENCODING_PROTO;

        Config(String endpoint) {
            this.endpoint = endpoint;
        }

        Config tracesEndpoint(String value) {
            tracesEndpoint = value;
            return this;
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

        Config encoding(String value) {
            encoding = value;
            return this;
        }

        /** Synchronous: no queue, no retries, so {@code consume} throws what the sender throws. */
        Config direct() {
            return queue(QueueSettings.disabled()).retry(RetrySettings.disabled());
        }

        OtlpHttpExporterConfig build() {
            OtlpHttpExporterConfig d = OtlpHttpExporterConfig.defaults();
            OtlpHttpExporterConfig c = new OtlpHttpExporterConfig(endpoint, d.proxyUrl(), d.tls(), d.readBufferSize(),
                    d.writeBufferSize(), timeout, headers, compression, d.compressionParams(), d.maxConnsPerHost(),
                    d.forceAttemptHttp2(), d.cookies(), queue, retry, tracesEndpoint, "", "", encoding);
            c.validate();
            return c;
        }
    }
}
