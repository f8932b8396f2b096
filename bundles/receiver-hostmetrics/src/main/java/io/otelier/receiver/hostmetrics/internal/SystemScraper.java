package io.otelier.receiver.hostmetrics.internal;

import java.io.IOException;
import java.util.List;

/** The {@code system} scraper (upstream internal/scraper/systemscraper): uptime in whole seconds since boot. */
final class SystemScraper implements Scraper {

    static final String UPTIME = "system.uptime";

    static final MetricCatalog CATALOG = new MetricCatalog(List.of(
            MetricSpec.gauge(UPTIME, "The time the system has been running", "s", false).enabled()));

    private final ProcFs proc;
    private long bootTime;

    SystemScraper(ProcFs proc) {
        this.proc = proc;
    }

    @Override
    public String type() {
        return "system";
    }

    @Override
    public void start() throws IOException {
        bootTime = proc.bootTimeSeconds();
    }

    @Override
    public void scrape(MetricsBuilder b, long now) {
        b.record(UPTIME, bootTime * 1_000_000_000L, now, now / 1_000_000_000L - bootTime);
    }
}
