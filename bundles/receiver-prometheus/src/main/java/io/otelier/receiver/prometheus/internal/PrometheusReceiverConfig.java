package io.otelier.receiver.prometheus.internal;

import io.otelier.api.config.ComponentConfig;
import io.otelier.api.config.ConfigException;
import java.time.Duration;
import java.util.Map;

/**
 * receivers::prometheus (upstream receiver/prometheusreceiver v0.165.1).
 *
 * @param config                   the embedded Prometheus configuration, read by {@link PromConfigReader}
 * @param trimMetricSuffixes       drop {@code _total} and unit suffixes from metric names
 * @param scrapeOnShutdown         scrape every target once more when the receiver stops
 * @param discoveryReloadOnStartup start scraping discovered targets at once instead of after the first
 *                                 discovery reload interval (5 s)
 * @param initialScrapeOffset      added before every target's first scrape
 */
public record PrometheusReceiverConfig(Map<String, Object> config, boolean trimMetricSuffixes,
        boolean scrapeOnShutdown, boolean discoveryReloadOnStartup, Duration initialScrapeOffset)
        implements ComponentConfig {

    public PrometheusReceiverConfig {
        initialScrapeOffset = initialScrapeOffset == null ? Duration.ZERO : initialScrapeOffset;
    }

    public static PrometheusReceiverConfig defaults() {
        return new PrometheusReceiverConfig(null, false, false, false, Duration.ZERO);
    }

    @Override
    public void validate() throws ConfigException {
        PromConfig prom = promConfig();
        if (prom.scrapeConfigs().isEmpty()) {
            throw ConfigException.of("no Prometheus scrape_configs or target_allocator set");
        }
        if (initialScrapeOffset.isNegative()) {
            throw ConfigException.at("initial_scrape_offset", "must not be negative (got " + initialScrapeOffset + ")");
        }
    }

    /** The Prometheus configuration, read and defaulted. */
    PromConfig promConfig() throws ConfigException {
        return PromConfigReader.read(new ConfigNode(config, "config"));
    }
}
