package io.otelier.exporter.prometheusremotewrite.internal;

import io.otelier.helper.prometheus.ResourceToTelemetry;
import java.util.Map;

/**
 * What shapes the series (upstream translator's {@code Settings} plus the resource-to-telemetry wrapper).
 *
 * @param externalLabels        already sanitised label names → values, added unless a point has the label
 * @param resourceToTelemetry   which resource attributes each point's attributes get first
 */
record TranslationSettings(String namespace, Map<String, String> externalLabels, boolean disableTargetInfo,
        boolean disableScopeInfo, boolean addMetricSuffixes, ResourceToTelemetry resourceToTelemetry) {

    TranslationSettings {
        externalLabels = Map.copyOf(externalLabels);
    }

    static TranslationSettings defaults() {
        return new TranslationSettings("", Map.of(), false, false, true, ResourceToTelemetry.none());
    }
}
