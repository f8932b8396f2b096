package io.otelier.exporter.prometheus.internal;

import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import io.otelier.helper.http.HttpServerSettings;
import io.otelier.helper.tls.TlsServerSettings;
import io.otelier.helper.prometheus.ResourceToTelemetry;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code prometheus} exporter's config: the part of upstream's {@code prometheusexporter.Config} (v0.165)
 * implemented here. Upstream squashes {@code confighttp.ServerConfig}, so {@code endpoint} and {@code tls} sit at
 * the top level.
 *
 * @param constLabels       labels added to every series (not to {@code target_info})
 * @param sendTimestamps    write each sample's time
 * @param metricExpiration  series not updated for this long are no longer served
 * @param enableOpenMetrics answer scrapes that accept OpenMetrics in OpenMetrics 1.0
 * @param withoutScopeInfo  leave out the {@code otel_scope_*} labels
 * @param addMetricSuffixes accepted and ignored, as upstream v0.165 does with its beta (on by default)
 *                          {@code exporter.prometheusexporter.DisableAddMetricSuffixes} gate: suffixes are on
 *                          unless {@code translation_strategy} turns them off
 * @param resourceConstantLabels the resource attributes every point gets as labels (patterns); replaces the
 *                          deprecated {@code resource_to_telemetry_conversion}
 * @param translationStrategy {@code UnderscoreEscapingWithSuffixes} or {@code UnderscoreEscapingWithoutSuffixes},
 *                          winning over {@code add_metric_suffixes}; the UTF-8 strategies are not implemented
 */
public record PromExporterConfig(String endpoint, TlsServerSettings tls, String namespace,
        Map<String, String> constLabels, boolean sendTimestamps, Duration metricExpiration,
        ResourceToTelemetry resourceToTelemetryConversion, boolean enableOpenMetrics, boolean withoutScopeInfo,
        boolean addMetricSuffixes, ResourceToTelemetry resourceConstantLabels, String translationStrategy)
        implements ComponentConfig {

    public static final Duration DEFAULT_METRIC_EXPIRATION = Duration.ofMinutes(5);

    static final List<String> STRATEGIES = List.of("UnderscoreEscapingWithSuffixes",
            "UnderscoreEscapingWithoutSuffixes", "NoUTF8EscapingWithSuffixes", "NoTranslation");

    public PromExporterConfig {
        endpoint = endpoint == null ? "" : endpoint;
        namespace = namespace == null ? "" : namespace;
        constLabels = constLabels == null ? Map.of() : Map.copyOf(constLabels);
        metricExpiration = metricExpiration == null ? Duration.ZERO : metricExpiration;
        resourceToTelemetryConversion = resourceToTelemetryConversion == null ? ResourceToTelemetry.none()
                : resourceToTelemetryConversion;
        resourceConstantLabels = resourceConstantLabels == null ? ResourceToTelemetry.none() : resourceConstantLabels;
        translationStrategy = translationStrategy == null ? "" : translationStrategy;
    }

    /** Upstream's {@code createDefaultConfig}: no endpoint, 5 minutes of expiry, suffixes on. */
    public static PromExporterConfig defaults() {
        return new PromExporterConfig("", null, "", Map.of(), false, DEFAULT_METRIC_EXPIRATION,
                ResourceToTelemetry.none(), false, false, true, ResourceToTelemetry.none(), "");
    }

    public PromExporterConfig withEndpoint(String value) {
        return new PromExporterConfig(value, tls, namespace, constLabels, sendTimestamps, metricExpiration,
                resourceToTelemetryConversion, enableOpenMetrics, withoutScopeInfo, addMetricSuffixes,
                resourceConstantLabels, translationStrategy);
    }

    /**
     * Upstream's {@code getTranslationConfiguration} with its default gates: the strategy, when set, decides the
     * suffixes; {@code add_metric_suffixes} does not.
     */
    boolean withSuffixes() {
        return !translationStrategy.equals("UnderscoreEscapingWithoutSuffixes");
    }

    /** The resource attributes points get: {@code resource_constant_labels}, else the deprecated section. */
    ResourceToTelemetry resourceAttributesAsLabels() {
        return ResourceToTelemetry.effective(resourceToTelemetryConversion, resourceConstantLabels);
    }

    HttpServerSettings serverSettings() {
        return HttpServerSettings.defaults(endpoint).withTls(tls);
    }

    @Override
    public void validate() throws ConfigException {
        for (String name : constLabels.keySet()) {
            if (!name.matches("[a-zA-Z_][a-zA-Z0-9_]*") || name.startsWith("__")) {
                throw ConfigException.at("const_labels", "\"" + name + "\" is not a valid label name");
            }
        }
        ResourceToTelemetry.validatePair(resourceToTelemetryConversion, resourceConstantLabels);
        if (!translationStrategy.isEmpty() && !STRATEGIES.contains(translationStrategy)) {
            throw ConfigException.at("translation_strategy", "invalid translation_strategy: " + translationStrategy);
        }
        if (translationStrategy.startsWith("No")) {
            throw ConfigException.at("translation_strategy", translationStrategy + " keeps UTF-8 names, which this"
                    + " distribution does not serve yet; use UnderscoreEscapingWithSuffixes or"
                    + " UnderscoreEscapingWithoutSuffixes");
        }
        serverSettings().validate();
    }
}
