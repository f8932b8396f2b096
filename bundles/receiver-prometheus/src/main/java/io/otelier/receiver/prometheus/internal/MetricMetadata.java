package io.otelier.receiver.prometheus.internal;

/**
 * What {@code # TYPE}, {@code # HELP} and {@code # UNIT} said about a metric family (Prometheus's
 * {@code scrape.MetricMetadata}).
 */
record MetricMetadata(String family, String type, String help, String unit) {

    static MetricMetadata unknown(String family) {
        return new MetricMetadata(family, ExpositionParser.UNKNOWN, "", "");
    }

    MetricMetadata withType(String t) {
        return new MetricMetadata(family, t, help, unit);
    }

    MetricMetadata withHelp(String h) {
        return new MetricMetadata(family, type, h, unit);
    }

    MetricMetadata withUnit(String u) {
        return new MetricMetadata(family, type, help, u);
    }
}
