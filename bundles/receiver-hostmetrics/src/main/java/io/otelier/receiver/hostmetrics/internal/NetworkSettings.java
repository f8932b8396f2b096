package io.otelier.receiver.hostmetrics.internal;

import java.util.Map;
import java.util.function.Predicate;

/** Settings of the network scraper: interface filters besides {@code metrics}. */
public record NetworkSettings(InterfaceFilter include, InterfaceFilter exclude, Map<String, MetricSettings> metrics)
        implements ScraperConfig {

    public NetworkSettings {
        include = include == null ? InterfaceFilter.none() : include;
        exclude = exclude == null ? InterfaceFilter.none() : exclude;
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    public static NetworkSettings defaults() {
        return new NetworkSettings(InterfaceFilter.none(), InterfaceFilter.none(), Map.of());
    }

    @Override
    public void validateOptions() {
        include.validate("include");
        exclude.validate("exclude");
    }

    /** Which interfaces to report: those included (all when no include list) and not excluded. */
    Predicate<String> interfaceFilter() {
        return NameFilter.includeExclude(include.interfaces(), include.matchType(), exclude.interfaces(),
                exclude.matchType());
    }
}
