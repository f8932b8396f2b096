package io.otelier.runtime.internal.config;

import io.otelier.api.telemetry.Level;
import io.otelier.api.telemetry.MetricsLevel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code service::telemetry}: the collector's own logs and metrics, and the resource attributes they carry.
 * Defaults are upstream's: logs at info in console encoding; metrics at normal level served by a pull
 * Prometheus reader on localhost:8888.
 *
 * @param resource attributes to add; a null value suppresses an attribute that would be added automatically
 */
public record TelemetryConfig(Logs logs, Metrics metrics, Map<String, String> resource) {

    public static final String DEFAULT_METRICS_HOST = "localhost";
    public static final int DEFAULT_METRICS_PORT = 8888;

    public TelemetryConfig {
        resource = Collections.unmodifiableMap(new LinkedHashMap<>(resource));
    }

    public static TelemetryConfig defaults() {
        return new TelemetryConfig(Logs.defaults(), Metrics.defaults(), Map.of());
    }

    /** {@code service::telemetry::logs}. */
    public record Logs(Level level, LogEncoding encoding) {
        public static Logs defaults() {
            return new Logs(Level.INFO, LogEncoding.CONSOLE);
        }
    }

    /** {@code service::telemetry::logs::encoding}. */
    public enum LogEncoding {
        CONSOLE, JSON;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code service::telemetry::metrics}: the level and the readers that expose the metrics. */
    public record Metrics(MetricsLevel level, List<PrometheusReader> readers) {
        public Metrics {
            readers = List.copyOf(readers);
        }

        public static Metrics defaults() {
            return new Metrics(MetricsLevel.NORMAL,
                    List.of(new PrometheusReader(DEFAULT_METRICS_HOST, DEFAULT_METRICS_PORT)));
        }

        /** The first pull reader, if any: where the Prometheus endpoint listens. */
        public Optional<PrometheusReader> prometheus() {
            return readers.stream().findFirst();
        }
    }

    /** A {@code readers: - pull: exporter: prometheus: {host, port}} entry. */
    public record PrometheusReader(String host, int port) {
    }
}
