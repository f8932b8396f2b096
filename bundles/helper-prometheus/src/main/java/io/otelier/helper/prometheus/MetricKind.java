package io.otelier.helper.prometheus;

import io.otelier.pdata.metrics.Metric;
import java.util.Optional;

/**
 * How an OTLP metric is exposed to Prometheus (otlptranslator's {@code MetricType}); decides the {@code _total}
 * and {@code _ratio} suffixes. Temporality is not part of it: each exporter decides what to do with deltas.
 */
public enum MetricKind {
    GAUGE, MONOTONIC_COUNTER, NON_MONOTONIC_COUNTER, HISTOGRAM, EXPONENTIAL_HISTOGRAM, SUMMARY;

    /** Upstream's {@code TranslatorMetricFromOtelMetric}; empty for a metric without data. */
    public static Optional<MetricKind> of(Metric metric) {
        return switch (metric.type()) {
            case GAUGE -> Optional.of(GAUGE);
            case SUM -> Optional.of(metric.sum().isMonotonic() ? MONOTONIC_COUNTER : NON_MONOTONIC_COUNTER);
            case HISTOGRAM -> Optional.of(HISTOGRAM);
            case EXPONENTIAL_HISTOGRAM -> Optional.of(EXPONENTIAL_HISTOGRAM);
            case SUMMARY -> Optional.of(SUMMARY);
            case EMPTY -> Optional.empty();
        };
    }

    /** The metric's Prometheus name (see {@link PrometheusNames#metricName}). */
    public Optional<String> name(Metric metric, String namespace, boolean withSuffixes) {
        return PrometheusNames.metricName(metric.name(), metric.unit(), this, namespace, withSuffixes);
    }
}
