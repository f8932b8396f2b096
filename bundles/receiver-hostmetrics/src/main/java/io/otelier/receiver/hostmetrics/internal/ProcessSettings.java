package io.otelier.receiver.hostmetrics.internal;

import io.otelier.api.config.ConfigException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Settings of the process scraper (upstream processscraper.Config): name filters, which per-process read errors
 * to keep quiet, how long a process must have run before it is reported, and the generated {@code metrics} and
 * {@code resource_attributes} settings.
 */
public record ProcessSettings(ProcessNameFilter include, ProcessNameFilter exclude, boolean muteProcessAllErrors,
        boolean muteProcessNameError, boolean muteProcessExeError, boolean muteProcessIoError,
        boolean muteProcessUserError, boolean muteProcessCgroupError, Duration scrapeProcessDelay,
        Map<String, MetricSettings> metrics, Map<String, ResourceAttributeSettings> resourceAttributes)
        implements ScraperConfig {

    public ProcessSettings {
        include = include == null ? ProcessNameFilter.none() : include;
        exclude = exclude == null ? ProcessNameFilter.none() : exclude;
        scrapeProcessDelay = scrapeProcessDelay == null ? Duration.ZERO : scrapeProcessDelay;
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        resourceAttributes = resourceAttributes == null ? Map.of() : Map.copyOf(resourceAttributes);
    }

    public static ProcessSettings defaults() {
        return new ProcessSettings(null, null, false, false, false, false, false, false, null, null, null);
    }

    @Override
    public void validateOptions() {
        include.validate("include");
        exclude.validate("exclude");
        TreeSet<String> unknown = new TreeSet<>(resourceAttributes.keySet());
        unknown.removeAll(ProcessScraper.RESOURCE_ATTRIBUTES.keySet());
        if (!unknown.isEmpty()) {
            throw ConfigException.at("resource_attributes", "has invalid keys: " + String.join(", ", unknown));
        }
    }

    @Override
    public List<String> platformWarnings() {
        MetricSettings handles = metrics.get(ProcessScraper.HANDLES);
        return handles != null && Boolean.TRUE.equals(handles.enabled())
                ? List.of("process.handles is only supported on Windows; disabling metric on this platform")
                : List.of();
    }

    /** Which executable names to report: those included (all when no include list) and not excluded. */
    Predicate<String> nameFilter() {
        return NameFilter.includeExclude(include.names(), include.matchType(), exclude.names(), exclude.matchType());
    }

    /** Whether a resource attribute is emitted: the user's choice, else upstream's default. */
    boolean resourceAttributeEnabled(String name) {
        ResourceAttributeSettings s = resourceAttributes.get(name);
        return s != null && s.enabled() != null ? s.enabled() : ProcessScraper.RESOURCE_ATTRIBUTES.get(name);
    }
}
