package io.otelier.receiver.prometheus.internal;

import java.util.List;

/** The embedded Prometheus configuration, read and defaulted ({@link PromConfigReader}). */
record PromConfig(Labels externalLabels, List<ScrapeConfig> scrapeConfigs) {

    PromConfig {
        scrapeConfigs = List.copyOf(scrapeConfigs);
    }
}
