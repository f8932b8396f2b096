package io.otelier.receiver.prometheus.internal;

import io.otelier.api.telemetry.Logger;
import io.otelier.helper.prometheus.PrometheusNames;
import io.otelier.pdata.PList;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.Exemplar;
import io.otelier.pdata.metrics.HistogramDataPoint;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.NumberDataPoint;
import io.otelier.pdata.metrics.SummaryDataPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The samples of one metric family in one scrape, grouped into data points (upstream's {@code metricFamily}):
 * a histogram's {@code _bucket}, {@code _sum}, {@code _count} and {@code _created} series with the same other
 * labels make one point; a counter's {@code _created} gives its start time.
 */
final class MetricFamily {

    /** The OTLP shape a Prometheus type maps to; OTHER (e.g. gaugehistogram) ends up as a gauge. */
    enum Kind { GAUGE, SUM, HISTOGRAM, SUMMARY, OTHER }

    static final int FLAG_NO_RECORDED_VALUE = 1;
    static final long STALE_NAN_BITS = 0x7ff0000000000002L;

    final Kind kind;
    final boolean monotonic;
    final String name;
    final MetricMetadata metadata;
    private final Map<Labels, Group> groups = new LinkedHashMap<>();
    private final Logger logger;

    MetricFamily(String familyName, MetricMetadata metadata, Logger logger) {
        this.name = familyName;
        this.metadata = metadata;
        this.logger = logger;
        switch (metadata.type()) {
            case ExpositionParser.COUNTER -> { kind = Kind.SUM; monotonic = true; }
            case ExpositionParser.GAUGE, ExpositionParser.UNKNOWN -> { kind = Kind.GAUGE; monotonic = false; }
            case ExpositionParser.HISTOGRAM -> { kind = Kind.HISTOGRAM; monotonic = true; }
            case ExpositionParser.SUMMARY -> { kind = Kind.SUMMARY; monotonic = true; }
            case ExpositionParser.INFO, ExpositionParser.STATESET -> { kind = Kind.SUM; monotonic = false; }
            default -> { kind = Kind.OTHER; monotonic = false; }
        }
    }

    static boolean isStale(double v) {
        return Double.doubleToRawLongBits(v) == STALE_NAN_BITS;
    }

    /** Upstream's {@code includesMetric}: whether a series of another name belongs to this family. */
    boolean includesMetric(String metricName) {
        return switch (kind) {
            case SUM -> MetricsAssembler.normalizeMetricName(metricName).equals(metadata.family());
            case GAUGE -> metricName.equals(name);
            default -> MetricsAssembler.normalizeMetricName(metricName).equals(name);
        };
    }

    /** Labels that identify a point: all but name, job, instance (and le/quantile) and scope labels. */
    Labels groupKey(Labels ls) {
        return ls.filter(n -> !isNotUseful(n) && !n.startsWith(MetricsAssembler.SCOPE_LABEL_PREFIX));
    }

    private boolean isNotUseful(String label) {
        return label.equals("__name__") || label.equals("instance") || label.equals("job")
                || (kind == Kind.HISTOGRAM && label.equals("le")) || (kind == Kind.SUMMARY && label.equals("quantile"));
    }

    private Group group(Labels key, Labels ls, long tsMs) {
        return groups.computeIfAbsent(key, k -> new Group(ls, tsMs));
    }

    /** @return an error message, or null */
    String addSeries(Labels key, String metricName, Labels ls, long tsMs, double v) {
        Group g = group(key, ls, tsMs);
        if (g.tsMs != tsMs) {
            return "inconsistent timestamps on metric points for metric " + metricName;
        }
        switch (kind) {
            case HISTOGRAM, SUMMARY -> {
                if (metricName.endsWith("_sum")) {
                    g.sum = v;
                    g.hasSum = true;
                } else if (metricName.endsWith("_count")) {
                    g.count = v;
                    g.hasCount = true;
                } else if (isCreatedMetric(metricName)) {
                    g.createdSeconds = v;
                } else {
                    String label = kind == Kind.HISTOGRAM ? "le" : "quantile";
                    String boundary = ls.get(label);
                    if (boundary.isEmpty()) {
                        return kind == Kind.HISTOGRAM ? "'le' label on histogram metric is missing or empty"
                                : "'quantile' label on summary metric is missing or empty";
                    }
                    double b;
                    try {
                        b = parseGoFloat(boundary);
                    } catch (NumberFormatException e) {
                        return "strconv.ParseFloat: parsing \"" + boundary + "\": invalid syntax";
                    }
                    g.complex.add(new double[] {b, v});
                }
            }
            case SUM -> {
                if (isCreatedMetric(metricName)) {
                    g.createdSeconds = v;
                } else {
                    g.value = v;
                    g.hasValue = true;
                }
            }
            default -> {
                g.value = v;
                g.hasValue = true;
            }
        }
        return null;
    }

    private static double parseGoFloat(String s) {
        byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return FloatParser.parse(bytes, 0, bytes.length);
    }

    private boolean isCreatedMetric(String metricName) {
        return metricName.endsWith("_created")
                && metricName.substring(0, metricName.length() - "_created".length()).equals(metadata.family());
    }

    void addExemplar(Labels key, Exemplar e) {
        if (kind == Kind.SUMMARY) {
            return;
        }
        Group g = groups.get(key);
        if (g != null) {
            g.exemplars.add(e);
        }
    }

    /** Appends this family as one metric, unless it produced no point. */
    void appendTo(PList<Metric> metrics, boolean trimSuffixes) {
        if (groups.isEmpty()) {
            return;
        }
        Metric metric = metrics.addNew();
        String metricName = trimSuffixes ? PromTranslation.trimPromSuffixes(name, kind == Kind.SUM, metadata.unit())
                : name;
        metric.setName(metricName);
        metric.setDescription(metadata.help());
        metric.setUnit(PrometheusNames.unitWordToUcum(metadata.unit()));
        metric.metadata().put("prometheus.type", metadata.type());
        int points;
        switch (kind) {
            case HISTOGRAM -> {
                var h = metric.setEmptyHistogram().setAggregationTemporality(AggregationTemporality.CUMULATIVE);
                groups.values().forEach(g -> g.toHistogramPoint(h.dataPoints()));
                points = h.dataPoints().size();
            }
            case SUMMARY -> {
                var s = metric.setEmptySummary();
                groups.values().forEach(g -> g.toSummaryPoint(s.dataPoints()));
                points = s.dataPoints().size();
            }
            case SUM -> {
                var s = metric.setEmptySum().setAggregationTemporality(AggregationTemporality.CUMULATIVE)
                        .setIsMonotonic(monotonic);
                groups.values().forEach(g -> g.toNumberPoint(s.dataPoints(), true));
                points = s.dataPoints().size();
            }
            default -> {
                var gauge = metric.setEmptyGauge();
                groups.values().forEach(g -> g.toNumberPoint(gauge.dataPoints(), false));
                points = gauge.dataPoints().size();
            }
        }
        if (points == 0) {
            metrics.remove(metrics.size() - 1);
        }
    }

    static long millisToNanos(long ms) {
        return ms * 1_000_000L;
    }

    /** Upstream's {@code timestampFromFloat64}. */
    static long secondsToNanos(double seconds) {
        long secs = (long) seconds;
        long nanos = (long) ((seconds - secs) * 1e9);
        return secs * 1_000_000_000L + nanos;
    }

    /** One point in the making. */
    private final class Group {
        final Labels ls;
        long tsMs;
        double count;
        boolean hasCount;
        double sum;
        boolean hasSum;
        double createdSeconds;
        double value;
        boolean hasValue;
        final List<double[]> complex = new ArrayList<>(4);
        final List<Exemplar> exemplars = new ArrayList<>(0);

        Group(Labels ls, long tsMs) {
            this.ls = ls;
            this.tsMs = tsMs;
        }

        void toHistogramPoint(PList<HistogramDataPoint> dest) {
            if (!hasCount) {
                return;
            }
            boolean stale = isStale(sum) || isStale(count);
            complex.sort((a, b) -> Double.compare(a[0], b[0]));
            int bucketCount = complex.size() + 1;
            if (bucketCount > 1 && complex.get(bucketCount - 2)[0] == Double.POSITIVE_INFINITY) {
                bucketCount--;
            }
            if (!stale) {
                double previous = 0;
                for (int i = 0; i < bucketCount - 1; i++) {
                    double v = complex.get(i)[1];
                    if (Double.isNaN(v) || v < previous) {
                        logger.debug("dropping histogram datapoint with NaN or decreasing bucket counts", "labels",
                                ls.toString());
                        return;
                    }
                    previous = v;
                }
                if (Double.isNaN(count) || count < previous) {
                    logger.debug("dropping histogram datapoint with count that is NaN or below the largest bucket count",
                            "labels", ls.toString());
                    return;
                }
            }
            HistogramDataPoint p = dest.addNew();
            double[] bounds = new double[bucketCount - 1];
            long[] counts = new long[bucketCount];
            for (int i = 0; i < bucketCount - 1; i++) {
                bounds[i] = complex.get(i)[0];
                double adjusted = stale ? 0 : complex.get(i)[1] - (i == 0 ? 0 : complex.get(i - 1)[1]);
                counts[i] = toUint64(adjusted);
            }
            double last = stale ? 0 : count - (bucketCount > 1 ? complex.get(bucketCount - 2)[1] : 0);
            counts[bucketCount - 1] = toUint64(last);
            p.setExplicitBounds(bounds).setBucketCounts(counts);
            if (stale) {
                p.setFlags(FLAG_NO_RECORDED_VALUE);
            } else {
                p.setCount(toUint64(count));
                if (hasSum) {
                    p.setSum(sum);
                }
            }
            finish(p, ls);
            exemplars.forEach(e -> e.copyTo(p.exemplars().addNew()));
        }

        void toSummaryPoint(PList<SummaryDataPoint> dest) {
            if (!hasCount) {
                return;
            }
            complex.sort((a, b) -> Double.compare(a[0], b[0]));
            SummaryDataPoint p = dest.addNew();
            boolean stale = isStale(sum) || isStale(count);
            if (stale) {
                p.setFlags(FLAG_NO_RECORDED_VALUE);
            } else {
                if (hasSum) {
                    p.setSum(sum);
                }
                p.setCount(toUint64(count));
            }
            for (double[] q : complex) {
                var v = p.quantileValues().addNew().setQuantile(q[0]);
                if (!stale) {
                    v.setValue(q[1]);
                }
            }
            finish(p, ls);
        }

        void toNumberPoint(PList<NumberDataPoint> dest, boolean isSum) {
            if (!hasValue) {
                return;
            }
            NumberDataPoint p = dest.addNew();
            if (isSum && createdSeconds != 0) {
                p.setStartTimeUnixNano(secondsToNanos(createdSeconds));
            }
            p.setTimeUnixNano(millisToNanos(tsMs));
            if (isStale(value)) {
                p.setFlags(FLAG_NO_RECORDED_VALUE);
            } else {
                p.setDoubleValue(value);
            }
            populateAttributes(ls, p.attributes());
            exemplars.forEach(e -> e.copyTo(p.exemplars().addNew()));
        }

        private void finish(io.otelier.pdata.metrics.DataPoint<?> p, Labels labels) {
            if (createdSeconds != 0) {
                p.setStartTimeUnixNano(secondsToNanos(createdSeconds));
            }
            p.setTimeUnixNano(millisToNanos(tsMs));
            populateAttributes(labels, p.attributes());
        }

        private void populateAttributes(Labels labels, io.otelier.pdata.common.Attributes dest) {
            labels.forEach((n, v) -> {
                if (!isNotUseful(n) && !n.startsWith(MetricsAssembler.SCOPE_LABEL_PREFIX) && !v.isEmpty()) {
                    dest.put(n, v);
                }
            });
        }
    }

    /** Go's float64 → uint64 conversion for the values that occur here (non-negative counts). */
    private static long toUint64(double v) {
        if (v >= 9.223372036854775807E18) {
            return Long.MIN_VALUE + (long) (v - 9.223372036854775807E18);
        }
        return (long) v;
    }
}
