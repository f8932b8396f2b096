package io.otelier.receiver.hostmetrics.internal;

import java.util.List;
import java.util.Map;

/** What every scraper section has: upstream's generated {@code metrics} settings, and maybe options to check. */
interface ScraperConfig {

    Map<String, MetricSettings> metrics();

    /** Checks the scraper's own options (filters), with paths relative to its section. */
    default void validateOptions() {
    }

    /** Settings this platform cannot honour, as the warnings upstream logs when it creates the scraper. */
    default List<String> platformWarnings() {
        return List.of();
    }
}
