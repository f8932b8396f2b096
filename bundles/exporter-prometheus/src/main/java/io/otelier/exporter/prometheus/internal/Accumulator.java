package io.otelier.exporter.prometheus.internal;

import io.otelier.api.telemetry.Logger;
import io.otelier.helper.prometheus.MetricKind;
import io.otelier.pdata.PList;
import io.otelier.pdata.common.Attributes;
import io.otelier.pdata.common.Resource;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.DataPoint;
import io.otelier.pdata.metrics.ExponentialHistogramDataPoint;
import io.otelier.pdata.metrics.HistogramDataPoint;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.NumberDataPoint;
import io.otelier.pdata.metrics.ResourceMetrics;
import io.otelier.pdata.metrics.ScopeMetrics;
import io.otelier.pdata.metrics.SummaryDataPoint;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Upstream's {@code lastValueAccumulator}: keeps the latest point of every series, as cumulative values. Delta
 * monotonic sums and delta histograms are added up while their points are contiguous (a point starting where
 * the previous one ended) and start over otherwise; non-monotonic delta sums cannot be made cumulative and are
 * dropped. Exponential histograms are kept as their count and sum only: upstream serves them as native
 * histograms, which the text formats show as a {@code +Inf} bucket, {@code _sum} and {@code _count}. A point
 * older than the one kept is ignored; a point flagged "no recorded value" removes its series. Series not updated
 * for {@code metric_expiration} are forgotten. Thread-safe.
 */
final class Accumulator {

    /** What one series is: the metric's identity, its point's labels and where it came from. */
    record Series(String name, String description, String unit, MetricKind kind, Resource resource,
            Attributes scopeAttributes, String scopeName, String scopeVersion, String scopeSchemaUrl,
            Attributes attributes) {
    }

    /** A kept value: a number, a histogram or a summary, with its times. */
    sealed interface Value permits Number, Histogram, Summary {
        long start();

        long time();
    }

    /** What upstream's {@code convertExemplars} keeps of an exemplar: the ids (hex, empty when unset), value, time. */
    record Exemplar(String traceId, String spanId, double value, long timeUnixNano) {
        static List<Exemplar> of(PList<io.otelier.pdata.metrics.Exemplar> exemplars) {
            List<Exemplar> out = new ArrayList<>(exemplars.size());
            for (io.otelier.pdata.metrics.Exemplar e : exemplars) {
                double value = switch (e.valueType()) {
                    case INT -> e.intValue();
                    case DOUBLE -> e.doubleValue();
                    case EMPTY -> 0;
                };
                out.add(new Exemplar(e.traceId().isEmpty() ? "" : e.traceId().toHex(),
                        e.spanId().isEmpty() ? "" : e.spanId().toHex(), value, e.timeUnixNano()));
            }
            return List.copyOf(out);
        }
    }

    record Number(long start, long time, double value, List<Exemplar> exemplars) implements Value {
    }

    record Histogram(long start, long time, long count, double sum, double[] bounds, long[] counts,
            List<Exemplar> exemplars) implements Value {
    }

    record Summary(long start, long time, long count, double sum, double[] quantiles, double[] values)
            implements Value {
    }

    record Entry(Series series, Value value, long updatedMillis) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration expiration;
    private final Clock clock;
    private final Logger log;

    Accumulator(Duration expiration, Clock clock, Logger log) {
        this.expiration = expiration;
        this.clock = clock;
        this.log = log;
    }

    /** Keeps the points of one resource; returns how many were kept. */
    int accumulate(ResourceMetrics rm) {
        Resource resource = new Resource();
        resource.attributes().putAll(rm.resource().attributes());
        int kept = 0;
        for (ScopeMetrics sm : rm.scopeMetrics()) {
            for (Metric metric : sm.metrics()) {
                kept += accumulate(resource, sm, metric);
            }
        }
        return kept;
    }

    private int accumulate(Resource resource, ScopeMetrics sm, Metric metric) {
        MetricKind kind = MetricKind.of(metric).orElse(null);
        if (kind == null) {
            return 0;
        }
        int kept = 0;
        switch (metric.type()) {
            case GAUGE -> {
                for (NumberDataPoint p : metric.gauge().dataPoints()) {
                    kept += keep(series(resource, sm, metric, kind, p.attributes()), p, number(p), false);
                }
            }
            case SUM -> {
                boolean delta = metric.sum().aggregationTemporality() == AggregationTemporality.DELTA;
                if (metric.sum().aggregationTemporality() == AggregationTemporality.UNSPECIFIED
                        || delta && !metric.sum().isMonotonic()) {
                    log.debug("dropping a sum that cannot be made cumulative", "name", metric.name());
                    return 0;
                }
                for (NumberDataPoint p : metric.sum().dataPoints()) {
                    kept += keep(series(resource, sm, metric, kind, p.attributes()), p, number(p), delta);
                }
            }
            case HISTOGRAM -> {
                AggregationTemporality temporality = metric.histogram().aggregationTemporality();
                if (temporality == AggregationTemporality.UNSPECIFIED) {
                    return 0;
                }
                for (HistogramDataPoint p : metric.histogram().dataPoints()) {
                    kept += keep(series(resource, sm, metric, kind, p.attributes()), p, histogram(p),
                            temporality == AggregationTemporality.DELTA);
                }
            }
            case EXPONENTIAL_HISTOGRAM -> {
                AggregationTemporality temporality = metric.exponentialHistogram().aggregationTemporality();
                if (temporality == AggregationTemporality.UNSPECIFIED) {
                    return 0;
                }
                for (ExponentialHistogramDataPoint p : metric.exponentialHistogram().dataPoints()) {
                    String invalid = nativeHistogramProblem(p);
                    if (invalid != null) {
                        log.error("failed to convert metric " + metric.name() + ": " + invalid, null);
                        continue;
                    }
                    // client_golang keeps a native histogram's exemplars apart from the text formats
                    Histogram countAndSum = new Histogram(p.startTimeUnixNano(), p.timeUnixNano(), p.count(),
                            p.sum(), new double[0], new long[] {p.count()}, List.of());
                    kept += keep(series(resource, sm, metric, MetricKind.HISTOGRAM, p.attributes()), p, countAndSum,
                            temporality == AggregationTemporality.DELTA);
                }
            }
            case SUMMARY -> {
                for (SummaryDataPoint p : metric.summary().dataPoints()) {
                    kept += keep(series(resource, sm, metric, kind, p.attributes()), p, summary(p), false);
                }
            }
            default -> {
            }
        }
        return kept;
    }

    private int keep(Series series, DataPoint<?> point, Value value, boolean delta) {
        String key = signature(series);
        if (point.noRecordedValue()) {
            entries.remove(key);
            return 0;
        }
        long now = clock.millis();
        int[] kept = {0};
        entries.compute(key, (k, old) -> {
            if (old == null || !old.value().getClass().equals(value.getClass())) {
                kept[0] = 1;
                return new Entry(series, value, now);
            }
            if (value.time() < old.value().time()) {
                return old;
            }
            if (delta && value.start() == old.value().time()) {
                kept[0] = 1;
                return new Entry(series, add(old.value(), value), now);
            }
            if (delta && value instanceof Histogram && value.start() <= old.value().time()) {
                // a misaligned delta histogram overlapping what is kept: upstream drops it
                log.warn("Dropped misaligned histogram datapoint", "metric_name", series.name());
                return old;
            }
            kept[0] = 1;
            return new Entry(series, value, now);
        });
        return kept[0];
    }

    /** Why upstream (client_golang) cannot serve the point as a native histogram, or null. */
    private static String nativeHistogramProblem(ExponentialHistogramDataPoint p) {
        if (p.noRecordedValue()) {
            return null;
        }
        if (p.scale() < -4) {
            return "cannot convert exponential to native histogram: scale must be >= -4, was " + p.scale();
        }
        if (!p.hasSum()) {
            return "cannot convert exponential to native histogram: sum is not set";
        }
        long population = p.zeroCount();
        for (long c : p.positive().bucketCounts()) {
            population += c;
        }
        for (long c : p.negative().bucketCounts()) {
            population += c;
        }
        if (Double.isNaN(p.sum()) ? population > p.count() : population != p.count()) {
            return "the sum of all bucket populations exceeds the count of observations";
        }
        return null;
    }

    /** A contiguous delta added onto the kept value; histograms only when their bounds match. */
    private static Value add(Value old, Value delta) {
        if (old instanceof Number o && delta instanceof Number d) {
            return new Number(o.start(), d.time(), o.value() + d.value(), d.exemplars());
        }
        if (old instanceof Histogram o && delta instanceof Histogram d && Arrays.equals(o.bounds(), d.bounds())
                && o.counts().length == d.counts().length) {
            long[] counts = o.counts().clone();
            for (int i = 0; i < counts.length; i++) {
                counts[i] += d.counts()[i];
            }
            return new Histogram(o.start(), d.time(), o.count() + d.count(), o.sum() + d.sum(), o.bounds(), counts,
                    d.exemplars());
        }
        return delta;
    }

    /** The series kept and not expired; expired ones are forgotten. */
    List<Entry> collect() {
        long oldest = clock.millis() - expiration.toMillis();
        List<Entry> out = new ArrayList<>();
        entries.entrySet().removeIf(e -> {
            if (e.getValue().updatedMillis() < oldest) {
                log.debug("metric expired", "name", e.getValue().series().name());
                return true;
            }
            out.add(e.getValue());
            return false;
        });
        return out;
    }

    private static Series series(Resource resource, ScopeMetrics sm, Metric metric, MetricKind kind,
            Attributes attributes) {
        Attributes scopeAttributes = new Attributes().putAll(sm.scope().attributes());
        return new Series(metric.name(), metric.description(), metric.unit(), kind, resource, scopeAttributes,
                sm.scope().name(), sm.scope().version(), sm.schemaUrl(), new Attributes().putAll(attributes));
    }

    /**
     * Upstream's {@code timeseriesSignature}: type, scope (name, version, schema URL, attributes), name, the
     * point's attributes and the resource's, each sorted.
     */
    private static String signature(Series s) {
        StringBuilder key = new StringBuilder().append(s.kind()).append('\u0000').append(s.scopeName())
                .append('\u0000').append(s.scopeVersion()).append('\u0000').append(s.scopeSchemaUrl())
                .append('\u0000').append(s.name());
        appendSorted(key.append("\u0000s"), s.scopeAttributes());
        appendSorted(key.append("\u0000p"), s.attributes());
        appendSorted(key.append("\u0000r"), s.resource().attributes());
        return key.toString();
    }

    private static void appendSorted(StringBuilder key, Attributes attributes) {
        Map<String, String> sorted = new TreeMap<>();
        attributes.forEach((k, v) -> sorted.put(k, v.asString()));
        sorted.forEach((k, v) -> key.append('\u0000').append(k).append('\u0000').append(v));
    }

    private static Number number(NumberDataPoint p) {
        double value = switch (p.valueType()) {
            case INT -> (double) p.intValue();
            case DOUBLE -> p.doubleValue();
            case EMPTY -> 0;
        };
        return new Number(p.startTimeUnixNano(), p.timeUnixNano(), value, Exemplar.of(p.exemplars()));
    }

    private static Histogram histogram(HistogramDataPoint p) {
        return new Histogram(p.startTimeUnixNano(), p.timeUnixNano(), p.count(), p.sum(), p.explicitBounds().clone(),
                p.bucketCounts().clone(), Exemplar.of(p.exemplars()));
    }

    private static Summary summary(SummaryDataPoint p) {
        int n = p.quantileValues().size();
        double[] quantiles = new double[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            quantiles[i] = p.quantileValues().get(i).quantile();
            values[i] = p.quantileValues().get(i).value();
        }
        return new Summary(p.startTimeUnixNano(), p.timeUnixNano(), p.count(), p.sum(), quantiles, values);
    }
}
