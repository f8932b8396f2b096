package io.otelier.receiver.hostmetrics.internal;

import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.NumberDataPoint;
import io.otelier.pdata.metrics.ScopeMetrics;
import io.otelier.pdata.metrics.Sum;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects one scrape's points per metric the way upstream's generated MetricsBuilder does: disabled metrics
 * are dropped, disabled attributes are left off, and points that then share their attributes are merged by
 * the metric's aggregation strategy.
 */
final class MetricsBuilder {

    private final Map<String, Recorder> recorders = new LinkedHashMap<>();

    MetricsBuilder(MetricCatalog catalog, Map<String, MetricSettings> settings) {
        for (MetricSpec spec : catalog.specs()) {
            MetricSettings s = settings.get(spec.name());
            boolean enabled = s != null && s.enabled() != null ? s.enabled() : spec.enabledByDefault();
            if (enabled) {
                List<String> attributes = s != null && s.attributes() != null ? s.attributes()
                        : spec.defaultAttributes();
                MetricSpec.Aggregation aggregation = s != null && s.aggregationStrategy() != null
                        ? MetricSpec.Aggregation.fromKey(s.aggregationStrategy()) : spec.defaultAggregation();
                recorders.put(spec.name(), new Recorder(spec, attributes, aggregation));
            }
        }
    }

    boolean enabled(String metric) {
        return recorders.containsKey(metric);
    }

    /** Records a point; {@code attributeValues} follow the order of the metric's declared attributes. */
    void record(String metric, long start, long time, double value, String... attributeValues) {
        Recorder r = recorders.get(metric);
        if (r != null) {
            r.record(start, time, value, (long) value, attributeValues);
        }
    }

    /** Records an integer point exactly (counters may exceed a double's 53 bits). */
    void record(String metric, long start, long time, long value, String... attributeValues) {
        Recorder r = recorders.get(metric);
        if (r != null) {
            r.record(start, time, value, value, attributeValues);
        }
    }

    /** Moves the recorded metrics into {@code scope} (in upstream's order) and starts a new scrape. */
    void emitTo(ScopeMetrics scope) {
        recorders.values().forEach(r -> r.emitTo(scope));
    }

    boolean hasPoints() {
        return recorders.values().stream().anyMatch(r -> !r.points.isEmpty());
    }

    void reset() {
        recorders.values().forEach(r -> r.points.clear());
    }

    private static final class Point {
        final long start;
        final long time;
        double value;
        long intValue;
        int count = 1;

        Point(long start, long time, double value, long intValue) {
            this.start = start;
            this.time = time;
            this.value = value;
            this.intValue = intValue;
        }
    }

    private static final class Recorder {
        final MetricSpec spec;
        final List<String> emittedKeys = new ArrayList<>();
        final int[] emittedIndexes;
        final MetricSpec.Aggregation aggregation;
        final Map<List<String>, Point> points = new LinkedHashMap<>();

        Recorder(MetricSpec spec, List<String> enabledAttributes, MetricSpec.Aggregation aggregation) {
            this.spec = spec;
            this.aggregation = aggregation;
            List<Integer> indexes = new ArrayList<>();
            for (int i = 0; i < spec.attributes().size(); i++) {
                if (enabledAttributes.contains(spec.attributes().get(i))) {
                    emittedKeys.add(spec.attributes().get(i));
                    indexes.add(i);
                }
            }
            this.emittedIndexes = indexes.stream().mapToInt(Integer::intValue).toArray();
        }

        void record(long start, long time, double value, long intValue, String[] attributeValues) {
            if (attributeValues.length != spec.attributes().size()) {
                throw new IllegalArgumentException(spec.name() + " takes " + spec.attributes() + " attributes");
            }
            List<String> key = new ArrayList<>(emittedIndexes.length);
            for (int i : emittedIndexes) {
                key.add(attributeValues[i]);
            }
            Point existing = points.get(key);
            if (existing == null) {
                points.put(key, new Point(start, time, value, intValue));
                return;
            }
            switch (aggregation) {
                case SUM, AVG -> {
                    existing.value += value;
                    existing.intValue += intValue;
                    existing.count++;
                }
                case MIN -> {
                    existing.value = Math.min(existing.value, value);
                    existing.intValue = Math.min(existing.intValue, intValue);
                }
                case MAX -> {
                    existing.value = Math.max(existing.value, value);
                    existing.intValue = Math.max(existing.intValue, intValue);
                }
            }
        }

        void emitTo(ScopeMetrics scope) {
            if (points.isEmpty()) {
                return;
            }
            Metric metric = scope.metrics().addNew().setName(spec.name()).setDescription(spec.description())
                    .setUnit(spec.unit());
            io.otelier.pdata.PList<NumberDataPoint> out;
            if (spec.gauge()) {
                out = metric.setEmptyGauge().dataPoints();
            } else {
                Sum sum = metric.setEmptySum().setAggregationTemporality(AggregationTemporality.CUMULATIVE)
                        .setIsMonotonic(spec.monotonic());
                out = sum.dataPoints();
            }
            out.ensureCapacity(points.size());
            points.forEach((key, p) -> {
                NumberDataPoint dp = out.addNew().setStartTimeUnixNano(p.start).setTimeUnixNano(p.time);
                for (int i = 0; i < key.size(); i++) {
                    dp.attributes().put(emittedKeys.get(i), key.get(i));
                }
                boolean avg = aggregation == MetricSpec.Aggregation.AVG;
                if (spec.intValue()) {
                    dp.setIntValue(avg ? p.intValue / p.count : p.intValue);
                } else {
                    dp.setDoubleValue(avg ? p.value / p.count : p.value);
                }
            });
            points.clear();
        }
    }
}
