package io.otelier.exporter.prometheusremotewrite.internal;

import io.otelier.helper.prometheus.GoFloat;
import io.otelier.helper.prometheus.MetricKind;
import io.otelier.helper.prometheus.PrometheusNames;
import io.otelier.helper.prometheus.ResourceLabels;
import io.otelier.helper.prometheus.ScopeLabels;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.common.Attributes;
import io.otelier.pdata.common.InstrumentationScope;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * OTLP metrics to remote write 1.0 series, as contrib's pkg/translator/prometheusremotewrite v0.165
 * ({@code FromMetrics}): gauges and non-monotonic sums become gauges, monotonic cumulative sums counters,
 * histograms {@code _bucket}/{@code _sum}/{@code _count}, summaries quantiles plus {@code _sum}/{@code _count},
 * exponential histograms native histograms, one {@code target_info} per resource. Delta sums and histograms
 * (exponential ones included) are dropped; each drop is reported in {@link Result#errors()}, and the rest is
 * still sent.
 */
final class MetricsTranslator {

    static final String NAME_LABEL = "__name__";
    /** Prometheus's stale marker (value.StaleNaN): a point flagged "no recorded value". */
    static final double STALE_NAN = Double.longBitsToDouble(0x7ff0000000000002L);

    /** The series in a stable order, and why some metrics were left out. */
    record Result(List<TimeSeries> series, List<String> errors) {
    }

    private final TranslationSettings settings;
    private final Map<SortedMap<String, String>, TimeSeries> series = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();

    private MetricsTranslator(TranslationSettings settings) {
        this.settings = settings;
    }

    static Result translate(Metrics metrics, TranslationSettings settings) {
        MetricsTranslator t = new MetricsTranslator(settings);
        for (ResourceMetrics rm : metrics.resourceMetrics()) {
            t.addResource(rm);
        }
        return new Result(List.copyOf(t.series.values()), List.copyOf(t.errors));
    }

    private void addResource(ResourceMetrics rm) {
        Resource resource = rm.resource();
        long mostRecent = 0;
        for (ScopeMetrics sm : rm.scopeMetrics()) {
            for (Metric metric : sm.metrics()) {
                mostRecent = Math.max(mostRecent, mostRecentTimestamp(metric));
                addMetric(resource, sm.scope(), metric);
            }
        }
        addTargetInfo(resource, mostRecent);
    }

    private void addMetric(Resource resource, InstrumentationScope scope, Metric metric) {
        Optional<MetricKind> kind = kind(metric);
        if (kind.isEmpty()) {
            errors.add("invalid temporality and type combination for metric \"" + metric.name() + "\"");
            return;
        }
        Optional<String> name = kind.get().name(metric, settings.namespace(), settings.addMetricSuffixes());
        if (name.isEmpty()) {
            errors.add("normalization for metric \"" + metric.name() + "\" resulted in an invalid name");
            return;
        }
        if (metric.dataPointCount() == 0) {
            errors.add("empty data points. " + metric.name() + " is dropped");
            return;
        }
        switch (metric.type()) {
            case GAUGE -> metric.gauge().dataPoints().forEach(p -> addNumber(resource, scope, p, name.get(), false));
            // upstream writes exemplars for monotonic sums only (the others take its gauge path)
            case SUM -> metric.sum().dataPoints().forEach(p -> addNumber(resource, scope, p, name.get(),
                    metric.sum().isMonotonic()));
            case HISTOGRAM -> metric.histogram().dataPoints().forEach(p -> addHistogram(resource, scope, p,
                    name.get()));
            case SUMMARY -> metric.summary().dataPoints().forEach(p -> addSummary(resource, scope, p, name.get()));
            case EXPONENTIAL_HISTOGRAM -> metric.exponentialHistogram().dataPoints().forEach(p ->
                    addExponentialHistogram(resource, scope, p, name.get()));
            default -> errors.add("unsupported metric type");
        }
    }

    /** Upstream's {@code isValidAggregationTemporality}: remote write carries cumulative sums and histograms. */
    private static Optional<MetricKind> kind(Metric metric) {
        boolean delta = switch (metric.type()) {
            case SUM -> metric.sum().aggregationTemporality() != AggregationTemporality.CUMULATIVE;
            case HISTOGRAM -> metric.histogram().aggregationTemporality() != AggregationTemporality.CUMULATIVE;
            case EXPONENTIAL_HISTOGRAM -> metric.exponentialHistogram().aggregationTemporality()
                    != AggregationTemporality.CUMULATIVE;
            default -> false;
        };
        return delta ? Optional.empty() : MetricKind.of(metric);
    }

    private void addNumber(Resource resource, InstrumentationScope scope, NumberDataPoint p, String name,
            boolean withExemplars) {
        labels(resource, pointAttributes(resource, p), scope, NAME_LABEL, name).ifPresent(labels -> {
            double value = switch (p.valueType()) {
                case INT -> (double) p.intValue();
                case DOUBLE -> p.doubleValue();
                case EMPTY -> 0;
            };
            TimeSeries ts = add(labels, valueOf(p, value), p.timeUnixNano());
            if (withExemplars) {
                ts.exemplars().addAll(PromExemplar.of(p.exemplars()));
            }
        });
    }

    private void addHistogram(Resource resource, InstrumentationScope scope, HistogramDataPoint p, String name) {
        labels(resource, pointAttributes(resource, p), scope).ifPresent(base -> {
            long time = p.timeUnixNano();
            if (p.hasSum()) {
                add(with(base, NAME_LABEL, name + "_sum"), valueOf(p, p.sum()), time);
            }
            add(with(base, NAME_LABEL, name + "_count"), valueOf(p, p.count()), time);
            long cumulative = 0;
            List<Map.Entry<Double, TimeSeries>> buckets = new ArrayList<>();
            for (int i = 0; i < p.explicitBoundsCount() && i < p.bucketCountsCount(); i++) {
                cumulative += p.bucketCount(i);
                buckets.add(Map.entry(p.explicitBound(i), add(with(with(base, "le", GoFloat.plain(p.explicitBound(i))),
                        NAME_LABEL, name + "_bucket"), valueOf(p, cumulative), time)));
            }
            buckets.add(Map.entry(Double.POSITIVE_INFINITY, add(with(with(base, "le", "+Inf"), NAME_LABEL,
                    name + "_bucket"), valueOf(p, p.count()), time)));
            addBucketExemplars(PromExemplar.of(p.exemplars()), buckets);
        });
    }

    /** Upstream's {@code addExemplars}: each exemplar goes to the first bucket (by bound) it fits in. */
    private static void addBucketExemplars(List<PromExemplar> exemplars, List<Map.Entry<Double, TimeSeries>> buckets) {
        if (exemplars.isEmpty()) {
            return;
        }
        buckets.sort(Map.Entry.comparingByKey());
        for (PromExemplar e : exemplars) {
            for (Map.Entry<Double, TimeSeries> bucket : buckets) {
                if (!bucket.getValue().samples().isEmpty() && e.value() <= bucket.getKey()) {
                    bucket.getValue().exemplars().add(e);
                    break;
                }
            }
        }
    }

    private void addExponentialHistogram(Resource resource, InstrumentationScope scope,
            ExponentialHistogramDataPoint p, String name) {
        labels(resource, pointAttributes(resource, p), scope, NAME_LABEL, name).ifPresent(labels -> {
            try {
                NativeHistogram h = NativeHistogram.of(p);
                TimeSeries ts = series.computeIfAbsent(labels, TimeSeries::of);
                ts.histograms().add(h);
                ts.exemplars().addAll(PromExemplar.of(p.exemplars()));
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        });
    }

    private void addSummary(Resource resource, InstrumentationScope scope, SummaryDataPoint p, String name) {
        labels(resource, pointAttributes(resource, p), scope).ifPresent(base -> {
            long time = p.timeUnixNano();
            add(with(base, NAME_LABEL, name + "_sum"), valueOf(p, p.sum()), time);
            add(with(base, NAME_LABEL, name + "_count"), valueOf(p, p.count()), time);
            for (SummaryDataPoint.ValueAtQuantile q : p.quantileValues()) {
                add(with(with(base, "quantile", GoFloat.plain(q.quantile())), NAME_LABEL, name), valueOf(p, q.value()),
                        time);
            }
        });
    }

    /** One {@code target_info} sample of 1 per resource with attributes beyond job and instance. */
    private void addTargetInfo(Resource resource, long timestamp) {
        if (settings.disableTargetInfo() || timestamp == 0) {
            return;
        }
        Attributes attributes = ResourceLabels.targetInfoAttributes(resource);
        if (attributes.isEmpty()) {
            return;
        }
        String name = ResourceLabels.targetInfoName(settings.namespace());
        // the resource's attributes become the labels; an empty scope adds none of its own
        labels(resource, attributes, new InstrumentationScope(), NAME_LABEL, name)
                .filter(l -> l.containsKey("job") || l.containsKey("instance"))
                .ifPresent(labels -> add(labels, 1, timestamp));
    }

    /**
     * Upstream's {@code createAttributes}: point attributes (sanitised; values of names that collide joined with
     * {@code ;}), {@code job}/{@code instance} from the service attributes, external labels the point lacks,
     * {@code otel_scope_*}, then {@code extras} (name/value pairs) over all of it. Empty when a label name
     * cannot be made valid (upstream drops the point).
     */
    private Optional<SortedMap<String, String>> labels(Resource resource, Attributes attributes,
            InstrumentationScope scope, String... extras) {
        Map<String, String> plain = new LinkedHashMap<>();
        for (String key : attributes.keys()) {
            String value = attributes.getOrNull(key).asString();
            if (!value.isEmpty()) {
                plain.put(key, value);
            }
        }
        SortedMap<String, String> out = new TreeMap<>();
        try {
            List<Map.Entry<String, String>> sorted = new ArrayList<>(plain.entrySet());
            sorted.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
            for (Map.Entry<String, String> e : sorted) {
                out.merge(PrometheusNames.labelName(e.getKey()), e.getValue(),
                        (old, added) -> old.equals(added) ? old : old + ";" + added);
            }
            ResourceLabels.job(resource, true).ifPresent(job -> out.put(ResourceLabels.JOB, job));
            ResourceLabels.instance(resource, true).ifPresent(i -> out.put(ResourceLabels.INSTANCE, i));
            settings.externalLabels().forEach(out::putIfAbsent);
            if (!settings.disableScopeInfo()) {
                addScopeLabels(out, scope);
            }
            for (int i = 0; i + 1 < extras.length; i += 2) {
                String name = extras[i];
                boolean internal = name.length() > 4 && name.startsWith("__") && name.endsWith("__");
                out.put(internal ? name : PrometheusNames.labelName(name), extras[i + 1]);
            }
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
            return Optional.empty();
        }
        return Optional.of(out);
    }

    private static void addScopeLabels(SortedMap<String, String> out, InstrumentationScope scope) {
        if (!scope.name().isEmpty()) {
            out.put(ScopeLabels.NAME, scope.name());
        }
        if (!scope.version().isEmpty()) {
            out.put(ScopeLabels.VERSION, scope.version());
        }
        ScopeLabels.putAttributes(out, scope);
    }

    /** {@code resource_to_telemetry_conversion} applies to points only, not to {@code target_info}. */
    private Attributes pointAttributes(Resource resource, DataPoint<?> p) {
        return settings.resourceToTelemetry().pointAttributes(resource, p.attributes());
    }

    private static SortedMap<String, String> with(SortedMap<String, String> base, String name, String value) {
        SortedMap<String, String> out = new TreeMap<>(base);
        out.put(name, value);
        return out;
    }

    private TimeSeries add(SortedMap<String, String> labels, double value, long timeUnixNano) {
        TimeSeries ts = series.computeIfAbsent(labels, TimeSeries::of);
        ts.samples().add(new TimeSeries.Sample(value, timeUnixNano / 1_000_000));
        return ts;
    }

    private static double valueOf(DataPoint<?> p, double value) {
        return (p.flags() & DataPoint.FLAG_NO_RECORDED_VALUE) != 0 ? STALE_NAN : value;
    }

    private static long mostRecentTimestamp(Metric metric) {
        return switch (metric.type()) {
            case GAUGE -> metric.gauge().dataPoints().stream().mapToLong(DataPoint::timeUnixNano).max().orElse(0);
            case SUM -> metric.sum().dataPoints().stream().mapToLong(DataPoint::timeUnixNano).max().orElse(0);
            case HISTOGRAM -> metric.histogram().dataPoints().stream().mapToLong(DataPoint::timeUnixNano).max()
                    .orElse(0);
            case EXPONENTIAL_HISTOGRAM -> metric.exponentialHistogram().dataPoints().stream()
                    .mapToLong(DataPoint::timeUnixNano).max().orElse(0);
            case SUMMARY -> metric.summary().dataPoints().stream().mapToLong(DataPoint::timeUnixNano).max()
                    .orElse(0);
            case EMPTY -> 0;
        };
    }
}
