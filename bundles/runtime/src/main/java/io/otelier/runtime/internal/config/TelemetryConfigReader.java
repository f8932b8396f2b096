package io.otelier.runtime.internal.config;

import io.otelier.api.telemetry.Level;
import io.otelier.api.telemetry.MetricsLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads {@code service::telemetry} into {@link TelemetryConfig}. Every key of upstream's telemetry config is
 * recognised; those this distribution does not implement yet are rejected as such, never ignored.
 */
final class TelemetryConfigReader {

    private static final List<String> PATH = List.of("service", "telemetry");
    private static final List<String> LOGS_UNSUPPORTED = List.of("development", "disable_caller", "disable_stacktrace",
            "sampling", "output_paths", "error_output_paths", "initial_fields", "processors", "disable_zap_resource");

    private final TreeReader reader;

    TelemetryConfigReader(TreeReader reader) {
        this.reader = reader;
    }

    TelemetryConfig read(Object raw) {
        Map<String, Object> telemetry = reader.map(raw, PATH);
        reader.checkKeys(telemetry, PATH, List.of("logs", "metrics", "resource"), List.of("traces"));
        TelemetryConfig.Logs logs = logs(telemetry.get("logs"), ConfigPath.child(PATH, "logs"));
        TelemetryConfig.Metrics metrics = metrics(telemetry.get("metrics"), ConfigPath.child(PATH, "metrics"));
        return new TelemetryConfig(logs, metrics, resource(telemetry.get("resource"), ConfigPath.child(PATH, "resource")));
    }

    private TelemetryConfig.Logs logs(Object raw, List<String> path) {
        Map<String, Object> logs = reader.map(raw, path);
        reader.checkKeys(logs, path, List.of("level", "encoding"), LOGS_UNSUPPORTED);
        TelemetryConfig.Logs defaults = TelemetryConfig.Logs.defaults();
        Level level = defaults.level();
        if (logs.get("level") != null) {
            List<String> at = ConfigPath.child(path, "level");
            String text = reader.string(logs.get("level"), at);
            level = Level.parse(text).orElseThrow(() -> unknownValue(at, text, Level.values()));
        }
        TelemetryConfig.LogEncoding encoding = defaults.encoding();
        if (logs.get("encoding") != null) {
            List<String> at = ConfigPath.child(path, "encoding");
            String text = reader.string(logs.get("encoding"), at);
            encoding = Arrays.stream(TelemetryConfig.LogEncoding.values()).filter(e -> e.id().equals(text)).findFirst()
                    .orElseThrow(() -> unknownValue(at, text, TelemetryConfig.LogEncoding.values()));
        }
        return new TelemetryConfig.Logs(level, encoding);
    }

    private TelemetryConfig.Metrics metrics(Object raw, List<String> path) {
        Map<String, Object> metrics = reader.map(raw, path);
        if (metrics.containsKey("address")) {
            throw reader.error(ConfigPath.child(path, "address"), "unknown key (upstream replaced it with "
                    + "readers: [{pull: {exporter: {prometheus: {host: …, port: …}}}}])");
        }
        reader.checkKeys(metrics, path, List.of("level", "readers"), List.of("views"));
        TelemetryConfig.Metrics defaults = TelemetryConfig.Metrics.defaults();
        MetricsLevel level = defaults.level();
        if (metrics.get("level") != null) {
            List<String> at = ConfigPath.child(path, "level");
            String text = reader.string(metrics.get("level"), at);
            level = MetricsLevel.parse(text).orElseThrow(() -> unknownValue(at, text, MetricsLevel.values()));
        }
        List<TelemetryConfig.PrometheusReader> readers = defaults.readers();
        if (metrics.containsKey("readers")) {
            readers = new ArrayList<>();
            List<String> at = ConfigPath.child(path, "readers");
            List<?> list = reader.list(metrics.get("readers"), at);
            for (int i = 0; i < list.size(); i++) {
                readers.add(metricReader(list.get(i), ConfigPath.child(at, i)));
            }
        }
        if (level != MetricsLevel.NONE && readers.isEmpty()) {
            // upstream's otelconftelemetry Config.Validate
            throw reader.error(PATH, "collector telemetry metrics reader should exist when metric level is not none");
        }
        return new TelemetryConfig.Metrics(level, readers);
    }

    private TelemetryConfig.PrometheusReader metricReader(Object raw, List<String> path) {
        Map<String, Object> entry = reader.map(raw, path);
        reader.checkKeys(entry, path, List.of("pull"), List.of("periodic"));
        if (!entry.containsKey("pull")) {
            throw reader.error(path, "a reader needs \"pull\"");
        }
        List<String> pullPath = ConfigPath.child(path, "pull");
        Map<String, Object> pull = reader.map(entry.get("pull"), pullPath);
        reader.checkKeys(pull, pullPath, List.of("exporter"), List.of("producers", "cardinality_limits"));
        List<String> exporterPath = ConfigPath.child(pullPath, "exporter");
        Map<String, Object> exporter = reader.map(pull.get("exporter"), exporterPath);
        for (String key : exporter.keySet()) {
            if (!key.equals("prometheus")) {
                throw reader.error(ConfigPath.child(exporterPath, key), UnsupportedKeys.NOT_SUPPORTED);
            }
        }
        if (!exporter.containsKey("prometheus")) {
            throw reader.error(exporterPath, "a pull reader needs \"prometheus\"");
        }
        List<String> promPath = ConfigPath.child(exporterPath, "prometheus");
        Map<String, Object> prometheus = reader.map(exporter.get("prometheus"), promPath);
        reader.checkKeys(prometheus, promPath, List.of("host", "port"), List.of("without_units", "without_type_suffix",
                "without_scope_info", "with_resource_constant_labels", "translation_strategy"));
        // otelconf's own messages for a Prometheus reader without them
        if (prometheus.get("host") == null) {
            throw reader.error(promPath, "host must be specified");
        }
        if (prometheus.get("port") == null) {
            throw reader.error(promPath, "port must be specified");
        }
        String host = reader.string(prometheus.get("host"), ConfigPath.child(promPath, "host"));
        List<String> portPath = ConfigPath.child(promPath, "port");
        int port = reader.integer(prometheus.get("port"), portPath);
        if (port < 0 || port > 65535) {
            throw reader.error(portPath, "port " + port + " is out of range (0-65535)");
        }
        return new TelemetryConfig.PrometheusReader(host, port);
    }

    private Map<String, String> resource(Object raw, List<String> path) {
        Map<String, String> out = new LinkedHashMap<>();
        reader.map(raw, path).forEach((key, value) ->
                out.put(key, value == null ? null : reader.string(value, ConfigPath.child(path, key))));
        return out;
    }

    private io.otelier.api.config.ConfigException unknownValue(List<String> path, String text, Enum<?>[] values) {
        String valid = Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        return reader.error(path, "unknown value \"" + text + "\" (valid: " + valid + ")");
    }
}
