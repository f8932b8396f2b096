package io.otelier.receiver.hostmetrics.internal;

import io.otelier.api.config.ConfigException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A scraper's metrics in upstream's emission order (sorted by name, as the generated builder emits them). */
final class MetricCatalog {

    private final Map<String, MetricSpec> specs = new LinkedHashMap<>();

    MetricCatalog(List<MetricSpec> specs) {
        specs.stream().sorted(java.util.Comparator.comparing(MetricSpec::name))
                .forEach(spec -> this.specs.put(spec.name(), spec));
    }

    Set<String> names() {
        return specs.keySet();
    }

    MetricSpec spec(String name) {
        MetricSpec spec = specs.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("no metric " + name);
        }
        return spec;
    }

    Iterable<MetricSpec> specs() {
        return specs.values();
    }

    /** Checks a scraper's {@code metrics} section, with paths relative to the scraper's section. */
    void validate(Map<String, MetricSettings> metrics) {
        java.util.TreeSet<String> unknown = new java.util.TreeSet<>(metrics.keySet());
        unknown.removeAll(names());
        if (!unknown.isEmpty()) {
            throw ConfigException.at("metrics", "has invalid keys: " + String.join(", ", unknown));
        }
        metrics.forEach((name, settings) -> validate(spec(name), settings));
    }

    /** The checks of upstream's generated {@code <Metric>MetricConfig.Validate}. */
    private void validate(MetricSpec spec, MetricSettings settings) {
        if (settings == null) {
            return;
        }
        String at = "metrics::" + spec.name();
        if (spec.attributes().isEmpty()) {
            if (settings.attributes() != null || settings.aggregationStrategy() != null) {
                throw ConfigException.at(at, "has invalid keys: "
                        + (settings.aggregationStrategy() != null ? "aggregation_strategy" : "attributes"));
            }
            return;
        }
        if (settings.attributes() != null) {
            for (String attribute : settings.attributes()) {
                if (!spec.attributes().contains(attribute)) {
                    throw ConfigException.at(at + "::attributes", "metric " + spec.name()
                            + " doesn't have an attribute " + attribute + ", valid attributes: ["
                            + String.join(", ", spec.attributes()) + "]");
                }
            }
        }
        if (settings.aggregationStrategy() != null
                && MetricSpec.Aggregation.fromKey(settings.aggregationStrategy()) == null) {
            throw ConfigException.at(at + "::aggregation_strategy", "invalid aggregation strategy \""
                    + settings.aggregationStrategy() + "\", valid strategies: [sum, avg, min, max]");
        }
    }
}
