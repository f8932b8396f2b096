package io.otelier.receiver.prometheus.internal;

import java.util.Map;

/**
 * The series Prometheus adds for every scrape ({@code up}, {@code scrape_duration_seconds}, …) and the metadata
 * upstream's receiver gives them (they have no {@code # TYPE} line).
 */
record ScrapeReport(boolean up, double durationSeconds, long samplesScraped, long samplesPostRelabeling,
        long seriesAdded, double timeoutSeconds, long sampleLimit, long bodySizeBytes) {

    static final String UP = "up";
    static final String DURATION = "scrape_duration_seconds";
    static final String SAMPLES_SCRAPED = "scrape_samples_scraped";
    static final String SAMPLES_POST_RELABELING = "scrape_samples_post_metric_relabeling";
    static final String SERIES_ADDED = "scrape_series_added";
    static final String TIMEOUT = "scrape_timeout_seconds";
    static final String SAMPLE_LIMIT = "scrape_sample_limit";
    static final String BODY_SIZE = "scrape_body_size_bytes";

    private static final Map<String, MetricMetadata> INTERNAL = Map.of(
            UP, new MetricMetadata(UP, ExpositionParser.GAUGE, "The scraping was successful", ""),
            DURATION, new MetricMetadata(DURATION, ExpositionParser.GAUGE, "Duration of the scrape", "seconds"),
            SAMPLES_SCRAPED, new MetricMetadata(SAMPLES_SCRAPED, ExpositionParser.GAUGE,
                    "The number of samples the target exposed", ""),
            SERIES_ADDED, new MetricMetadata(SERIES_ADDED, ExpositionParser.GAUGE,
                    "The approximate number of new series in this scrape", ""),
            SAMPLES_POST_RELABELING, new MetricMetadata(SAMPLES_POST_RELABELING, ExpositionParser.GAUGE,
                    "The number of samples remaining after metric relabeling was applied", ""));

    /** Upstream's {@code lookupInternalMetricMetadata}; null for other names. */
    static MetricMetadata internalMetadata(String metricName) {
        return INTERNAL.get(metricName);
    }

    /** The report's samples in Prometheus's order; the extra three only when {@code extra_scrape_metrics}. */
    void forEachSample(boolean extra, SampleSink sink) {
        sink.accept(UP, up ? 1 : 0);
        sink.accept(DURATION, durationSeconds);
        sink.accept(SAMPLES_SCRAPED, samplesScraped);
        sink.accept(SAMPLES_POST_RELABELING, samplesPostRelabeling);
        sink.accept(SERIES_ADDED, seriesAdded);
        if (extra) {
            sink.accept(TIMEOUT, timeoutSeconds);
            sink.accept(SAMPLE_LIMIT, sampleLimit);
            sink.accept(BODY_SIZE, bodySizeBytes);
        }
    }

    @FunctionalInterface
    interface SampleSink {
        void accept(String name, double value);
    }
}
