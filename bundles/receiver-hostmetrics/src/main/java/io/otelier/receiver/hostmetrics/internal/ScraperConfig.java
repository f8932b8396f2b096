package io.otelier.receiver.hostmetrics.internal;

import java.util.Map;

/** What every scraper section has: upstream's generated {@code metrics} settings, and maybe options to check. */
interface ScraperConfig {

    Map<String, MetricSettings> metrics();

    /** Checks the scraper's own options (filters), with paths relative to its section. */
    default void validateOptions() {
    }
}
