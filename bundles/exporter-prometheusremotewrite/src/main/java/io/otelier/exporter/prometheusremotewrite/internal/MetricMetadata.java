package io.otelier.exporter.prometheusremotewrite.internal;

import io.otelier.helper.prometheus.MetricKind;
import io.otelier.helper.prometheus.PrometheusNames;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.ResourceMetrics;
import io.otelier.pdata.metrics.ScopeMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code prometheus.MetricMetadata} (type, family name, help, unit) for {@code send_metadata}, as contrib's
 * {@code OtelMetricsToMetadata}: one per OTLP metric, whatever its temporality.
 *
 * @param type prompb's enum: 0 unknown, 1 counter, 2 gauge, 3 histogram, 5 summary, 6 info, 7 stateset
 */
record MetricMetadata(int type, String familyName, String help, String unit) {

    static final int UNKNOWN = 0;
    static final int COUNTER = 1;
    static final int GAUGE = 2;
    static final int HISTOGRAM = 3;
    static final int SUMMARY = 5;
    static final int INFO = 6;
    static final int STATESET = 7;
    /** The metric metadata key the Prometheus receiver records a scraped family's type under. */
    static final String TYPE_KEY = "prometheus.type";

    static List<MetricMetadata> of(Metrics metrics, TranslationSettings settings) {
        List<MetricMetadata> out = new ArrayList<>();
        for (ResourceMetrics rm : metrics.resourceMetrics()) {
            for (ScopeMetrics sm : rm.scopeMetrics()) {
                for (Metric metric : sm.metrics()) {
                    MetricKind.of(metric).flatMap(k -> k.name(metric, settings.namespace(),
                            settings.addMetricSuffixes())).ifPresent(name -> out.add(new MetricMetadata(
                                    type(metric), name, metric.description(), PrometheusNames.unitName(metric.unit()))));
                }
            }
        }
        return out;
    }

    /** Upstream's {@code otelMetricTypeToPromMetricType}. */
    static int type(Metric metric) {
        AnyValue original = metric.metadata().getOrNull(TYPE_KEY);
        String scraped = original == null ? "" : original.asString();
        return switch (metric.type()) {
            case GAUGE -> scraped.equals("unknown") ? UNKNOWN : GAUGE;
            case SUM -> metric.sum().isMonotonic() ? COUNTER
                    : scraped.equals("info") ? INFO : scraped.equals("stateset") ? STATESET : GAUGE;
            case HISTOGRAM, EXPONENTIAL_HISTOGRAM -> HISTOGRAM;
            case SUMMARY -> SUMMARY;
            case EMPTY -> UNKNOWN;
        };
    }
}
