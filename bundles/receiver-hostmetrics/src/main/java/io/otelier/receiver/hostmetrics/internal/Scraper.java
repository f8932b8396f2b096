package io.otelier.receiver.hostmetrics.internal;

import java.io.IOException;

/** One of the receiver's scrapers: reads the host and records points into its own builder. */
interface Scraper {

    String SCOPE_PREFIX =
            "github.com/open-telemetry/opentelemetry-collector-contrib/receiver/hostmetricsreceiver/internal/scraper/";

    /** The semantic conventions upstream's scrapers declare (sem_conv_version 1.9.0), as the resource's schema. */
    String SCHEMA_URL = "https://opentelemetry.io/schemas/1.9.0";

    /** The key under {@code scrapers}, e.g. "cpu". */
    String type();

    /** Upstream's instrumentation scope name for this scraper. */
    default String scopeName() {
        return SCOPE_PREFIX + type() + "scraper";
    }

    /** Prepares for scraping (reads the boot time that becomes every point's start time). */
    void start() throws IOException;

    /** Reads the host once and records the points, all stamped {@code now} (unix nanos). */
    void scrape(MetricsBuilder builder, long now) throws IOException;
}
