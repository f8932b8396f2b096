package io.otelier.receiver.hostmetrics.internal;

import java.util.List;

/**
 * One metric of a scraper's upstream metadata.yaml: its identity, shape, attributes and the defaults
 * upstream's generated config gives it ({@code enabled}, the attributes emitted by default, and the
 * {@code aggregation_strategy} used when disabled attributes make points collide).
 */
record MetricSpec(String name, String description, String unit, boolean gauge, boolean intValue, boolean monotonic,
        List<String> attributes, boolean enabledByDefault, List<String> defaultAttributes,
        Aggregation defaultAggregation) {

    /** How points that differ only in disabled attributes are merged (upstream's {@code aggregation_strategy}). */
    enum Aggregation {
        SUM, AVG, MIN, MAX;

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Aggregation fromKey(String key) {
            for (Aggregation a : values()) {
                if (a.key().equals(key)) {
                    return a;
                }
            }
            return null;
        }
    }

    static MetricSpec sum(String name, String description, String unit, boolean intValue, boolean monotonic) {
        return new MetricSpec(name, description, unit, false, intValue, monotonic, List.of(), false, List.of(),
                Aggregation.SUM);
    }

    static MetricSpec gauge(String name, String description, String unit, boolean intValue) {
        return new MetricSpec(name, description, unit, true, intValue, false, List.of(), false, List.of(),
                Aggregation.AVG);
    }

    /** Declares the metric's attributes; those listed in {@code emittedByDefault} are on unless configured. */
    MetricSpec attributes(List<String> all, List<String> emittedByDefault) {
        return new MetricSpec(name, description, unit, gauge, intValue, monotonic, List.copyOf(all), enabledByDefault,
                List.copyOf(emittedByDefault), defaultAggregation);
    }

    MetricSpec enabled() {
        return new MetricSpec(name, description, unit, gauge, intValue, monotonic, attributes, true, defaultAttributes,
                defaultAggregation);
    }
}
