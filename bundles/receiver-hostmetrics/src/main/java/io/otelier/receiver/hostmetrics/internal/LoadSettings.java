package io.otelier.receiver.hostmetrics.internal;

import java.util.Map;

/** Settings of the load scraper: {@code cpu_average} divides the load by the CPUs usable by the collector. */
public record LoadSettings(boolean cpuAverage, Map<String, MetricSettings> metrics) implements ScraperConfig {

    public LoadSettings {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    public static LoadSettings defaults() {
        return new LoadSettings(false, Map.of());
    }
}
