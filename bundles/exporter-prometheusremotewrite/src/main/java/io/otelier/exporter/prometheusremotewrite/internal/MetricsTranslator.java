package io.otelier.exporter.prometheusremotewrite.internal;

import io.otelier.pdata.Metrics;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.Attributes;
import io.otelier.pdata.common.InstrumentationScope;
import io.otelier.pdata.common.Resource;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.DataPoint;
import io.otelier.pdata.metrics.HistogramDataPoint;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.MetricType;
import io.otelier.pdata.metrics.NumberDataPoint;
import io.otelier.pdata.metrics.ResourceMetrics;
import io.otelier.pdata.metrics.ScopeMetrics;
import io.otelier.pdata.metrics.SummaryDataPoint;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
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
 * one {@code target_info} per resource. Delta sums and histograms are dropped, as are exponential histograms
 * (they need native histograms, which this distribution does not write yet); each drop is reported in
 * {@link Result#errors()}, and the rest is still sent.
 */
final class MetricsTranslator {

    static final String NAME_LABEL = "__name__";
    static final String TARGET_INFO = "target_info";
    /** Prometheus's stale marker (value.StaleNaN): a point flagged "no recorded value". */
    static final double STALE_NAN = Double.longBitsToDouble(0x7ff0000000000002L);

    private static final List<String> IDENTIFYING = List.of("service.namespace", "service.name",
            "service.instance.id");

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
        if (metric.type() == MetricType.EXPONENTIAL_HISTOGRAM) {
            errors.add("exponential histogram \"" + metric.name()
                    + "\" dropped: native histograms are not supported by this distribution yet");
            return;
        }
        Optional<PrometheusNames.Kind> kind = kind(metric);
        if (kind.isEmpty()) {
            errors.add("invalid temporality and type combination for metric \"" + metric.name() + "\"");
            return;
        }
        Optional<String> name = PrometheusNames.metricName(metric.name(), metric.unit(), kind.get(),
                settings.namespace(), settings.addMetricSuffixes());
        if (name.isEmpty()) {
            errors.add("normalization for metric \"" + metric.name() + "\" resulted in an invalid name");
            return;
        }
        if (metric.dataPointCount() == 0) {
            errors.add("empty data points. " + metric.name() + " is dropped");
            return;
        }
        switch (metric.type()) {
            case GAUGE -> metric.gauge().dataPoints().forEach(p -> addNumber(resource, scope, p, name.get()));
            case SUM -> metric.sum().dataPoints().forEach(p -> addNumber(resource, scope, p, name.get()));
            case HISTOGRAM -> metric.histogram().dataPoints().forEach(p -> addHistogram(resource, scope, p,
                    name.get()));
            case SUMMARY -> metric.summary().dataPoints().forEach(p -> addSummary(resource, scope, p, name.get()));
            default -> errors.add("unsupported metric type");
        }
    }

    /** Upstream's {@code isValidAggregationTemporality} and {@code TranslatorMetricFromOtelMetric}. */
    private static Optional<PrometheusNames.Kind> kind(Metric metric) {
        return switch (metric.type()) {
            case GAUGE -> Optional.of(PrometheusNames.Kind.GAUGE);
            case SUMMARY -> Optional.of(PrometheusNames.Kind.SUMMARY);
            case SUM -> metric.sum().aggregationTemporality() != AggregationTemporality.CUMULATIVE ? Optional.empty()
                    : Optional.of(metric.sum().isMonotonic() ? PrometheusNames.Kind.MONOTONIC_COUNTER
                            : PrometheusNames.Kind.NON_MONOTONIC_COUNTER);
            case HISTOGRAM -> metric.histogram().aggregationTemporality() != AggregationTemporality.CUMULATIVE
                    ? Optional.empty() : Optional.of(PrometheusNames.Kind.HISTOGRAM);
            default -> Optional.empty();
        };
    }

    private void addNumber(Resource resource, InstrumentationScope scope, NumberDataPoint p, String name) {
        labels(resource, p.attributes(), scope, List.of(), NAME_LABEL, name).ifPresent(labels -> {
            double value = switch (p.valueType()) {
                case INT -> (double) p.intValue();
                case DOUBLE -> p.doubleValue();
                case EMPTY -> 0;
            };
            add(labels, valueOf(p, value), p.timeUnixNano());
        });
    }

    private void addHistogram(Resource resource, InstrumentationScope scope, HistogramDataPoint p, String name) {
        labels(resource, p.attributes(), scope, List.of()).ifPresent(base -> {
            long time = p.timeUnixNano();
            if (p.hasSum()) {
                add(with(base, NAME_LABEL, name + "_sum"), valueOf(p, p.sum()), time);
            }
            add(with(base, NAME_LABEL, name + "_count"), valueOf(p, p.count()), time);
            long cumulative = 0;
            for (int i = 0; i < p.explicitBoundsCount() && i < p.bucketCountsCount(); i++) {
                cumulative += p.bucketCount(i);
                add(with(with(base, "le", formatFloat(p.explicitBound(i))), NAME_LABEL, name + "_bucket"),
                        valueOf(p, cumulative), time);
            }
            add(with(with(base, "le", "+Inf"), NAME_LABEL, name + "_bucket"), valueOf(p, p.count()), time);
        });
    }

    private void addSummary(Resource resource, InstrumentationScope scope, SummaryDataPoint p, String name) {
        labels(resource, p.attributes(), scope, List.of()).ifPresent(base -> {
            long time = p.timeUnixNano();
            add(with(base, NAME_LABEL, name + "_sum"), valueOf(p, p.sum()), time);
            add(with(base, NAME_LABEL, name + "_count"), valueOf(p, p.count()), time);
            for (SummaryDataPoint.ValueAtQuantile q : p.quantileValues()) {
                add(with(with(base, "quantile", formatFloat(q.quantile())), NAME_LABEL, name), valueOf(p, q.value()),
                        time);
            }
        });
    }

    /** One {@code target_info} sample of 1 per resource with attributes beyond job and instance. */
    private void addTargetInfo(Resource resource, long timestamp) {
        if (settings.disableTargetInfo() || timestamp == 0) {
            return;
        }
        Attributes attributes = resource.attributes();
        if (attributes.keys().stream().allMatch(IDENTIFYING::contains)) {
            return;
        }
        String name = settings.namespace().isEmpty() ? TARGET_INFO : settings.namespace() + "_" + TARGET_INFO;
        // the resource's attributes become the labels; an empty scope adds none of its own
        labels(resource, attributes, new InstrumentationScope(), IDENTIFYING, NAME_LABEL, name)
                .filter(l -> l.containsKey("job") || l.containsKey("instance"))
                .ifPresent(labels -> add(labels, 1, timestamp));
    }

    /**
     * Upstream's {@code createAttributes}: point attributes (sanitised; values of names that collide joined with
     * {@code ;}), {@code job}/{@code instance} from the service attributes, external labels the point lacks,
     * {@code otel_scope_*}, then {@code extras} (name/value pairs) over all of it. Empty when a label name
     * cannot be made valid (upstream drops the point).
     */
    private Optional<SortedMap<String, String>> labels(Resource resource, Attributes pointAttributes,
            InstrumentationScope scope, List<String> ignored, String... extras) {
        Attributes attributes = pointAttributes;
        if (settings.resourceToTelemetry()) {
            attributes = new Attributes().putAll(pointAttributes).putAll(resource.attributes());
        }
        Map<String, String> plain = new LinkedHashMap<>();
        for (String key : attributes.keys()) {
            String value = attributes.getOrNull(key).asString();
            if (!ignored.contains(key) && !value.isEmpty()) {
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
            Attributes resourceAttributes = resource.attributes();
            AnyValue service = resourceAttributes.getOrNull("service.name");
            if (service != null && !service.asString().isEmpty()) {
                AnyValue namespace = resourceAttributes.getOrNull("service.namespace");
                out.put("job", namespace == null ? service.asString()
                        : namespace.asString() + "/" + service.asString());
            }
            AnyValue instance = resourceAttributes.getOrNull("service.instance.id");
            if (instance != null && !instance.asString().isEmpty()) {
                out.put("instance", instance.asString());
            }
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
            out.put("otel_scope_name", scope.name());
        }
        if (!scope.version().isEmpty()) {
            out.put("otel_scope_version", scope.version());
        }
        for (String key : scope.attributes().keys()) {
            if (!List.of("name", "version", "schema_url").contains(key)) {
                out.put(PrometheusNames.labelName("otel_scope_" + key), scope.attributes().getOrNull(key).asString());
            }
        }
    }

    private static SortedMap<String, String> with(SortedMap<String, String> base, String name, String value) {
        SortedMap<String, String> out = new TreeMap<>(base);
        out.put(name, value);
        return out;
    }

    private void add(SortedMap<String, String> labels, double value, long timeUnixNano) {
        series.computeIfAbsent(labels, TimeSeries::of).samples()
                .add(new TimeSeries.Sample(value, timeUnixNano / 1_000_000));
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

    /** Go's {@code strconv.FormatFloat(v, 'f', -1, 64)}: shortest digits, never an exponent. */
    static String formatFloat(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return Double.doubleToRawLongBits(v) == 0 ? "0" : "-0";
        }
        // the fewest significant digits that read back as v (Java 17's Double.toString is not always shortest)
        BigDecimal exact = new BigDecimal(v);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == v) {
                return rounded.stripTrailingZeros().toPlainString();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString();
    }
}
