package io.otelier.receiver.hostmetrics.internal;

import java.util.Map;
import java.util.function.Predicate;

/** Settings of the disk scraper: device filters besides {@code metrics}. */
public record DiskSettings(DeviceFilter include, DeviceFilter exclude, Map<String, MetricSettings> metrics)
        implements ScraperConfig {

    public DiskSettings {
        include = include == null ? DeviceFilter.none() : include;
        exclude = exclude == null ? DeviceFilter.none() : exclude;
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    public static DiskSettings defaults() {
        return new DiskSettings(DeviceFilter.none(), DeviceFilter.none(), Map.of());
    }

    @Override
    public void validateOptions() {
        include.validate("include");
        exclude.validate("exclude");
    }

    Predicate<String> deviceFilter() {
        return NameFilter.includeExclude(include.devices(), include.matchType(), exclude.devices(),
                exclude.matchType());
    }
}
