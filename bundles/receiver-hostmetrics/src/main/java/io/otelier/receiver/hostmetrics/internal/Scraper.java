package io.otelier.receiver.hostmetrics.internal;

import io.otelier.pdata.Metrics;
import io.otelier.pdata.metrics.ResourceMetrics;
import io.otelier.pdata.metrics.ScopeMetrics;
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

    /**
     * Moves what the last scrape recorded into {@code out}: one resource holding this scraper's scope, when
     * anything was recorded. Scrapers that report one resource per observed entity override this.
     */
    default void emitTo(Metrics out, MetricsBuilder builder, String version) {
        if (builder.hasPoints()) {
            ResourceMetrics resource = out.resourceMetrics().addNew().setSchemaUrl(SCHEMA_URL);
            ScopeMetrics scope = resource.scopeMetrics().addNew();
            scope.scope().setName(scopeName()).setVersion(version);
            builder.emitTo(scope);
        }
    }
}
