package io.otelier.receiver.hostmetrics.internal;

import java.util.Map;

/**
 * Settings of a scraper whose only key is upstream's generated {@code MetricsBuilderConfig}, i.e. {@code metrics}
 * (cpu, memory, system).
 */
public record ScraperSettings(Map<String, MetricSettings> metrics) implements ScraperConfig {

    public ScraperSettings {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    /** What a bare {@code cpu:} or {@code cpu: {}} means: every metric at its default. */
    public static ScraperSettings defaults() {
        return new ScraperSettings(Map.of());
    }

}
