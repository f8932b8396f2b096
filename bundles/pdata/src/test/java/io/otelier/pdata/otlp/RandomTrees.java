package io.otelier.pdata.otlp;

import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Traces;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.Attributes;
import io.otelier.pdata.common.EntityRef;
import io.otelier.pdata.common.InstrumentationScope;
import io.otelier.pdata.common.KeyValue;
import io.otelier.pdata.common.Resource;
import io.otelier.pdata.common.SpanId;
import io.otelier.pdata.common.TraceId;
import io.otelier.pdata.logs.LogRecord;
import io.otelier.pdata.logs.ResourceLogs;
import io.otelier.pdata.logs.ScopeLogs;
import io.otelier.pdata.logs.SeverityNumber;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.DataPoint;
import io.otelier.pdata.metrics.Exemplar;
import io.otelier.pdata.metrics.ExponentialHistogramDataPoint;
import io.otelier.pdata.metrics.HistogramDataPoint;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.NumberDataPoint;
import io.otelier.pdata.metrics.ResourceMetrics;
import io.otelier.pdata.metrics.ScopeMetrics;
import io.otelier.pdata.metrics.Sum;
import io.otelier.pdata.metrics.SummaryDataPoint;
import io.otelier.pdata.trace.ResourceSpans;
import io.otelier.pdata.trace.ScopeSpans;
import io.otelier.pdata.trace.Span;
import io.otelier.pdata.trace.SpanEvent;
import io.otelier.pdata.trace.SpanKind;
import io.otelier.pdata.trace.SpanLink;
import io.otelier.pdata.trace.StatusCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random trees that set every field of the model, each with some probability, and every kind of
 * AnyValue (nested up to three levels), with awkward strings (multi-byte, emoji, control characters, quotes) and
 * awkward numbers (extremes, NaN, infinities, subnormals, -0.0 where the wire formats keep it).
 */
final class RandomTrees {

    private static final String[] WORDS = {"", "a", "http.method", "GET", "service.name", "checkout", "é",
        "日本語", "emoji 😀 pair", "tab\there", "line\nbreak", "quote\"back\\slash", "nul\u0000ctl\u001f\u0008\u000c",
        "</script>&", "\u2028\u2029", "long-" + "x".repeat(200)};
    private static final double[] DOUBLES = {0.0, -0.0, 1.0, -1.5, 0.1, 1e-7, 1e21, 1e-300, Double.MIN_VALUE,
        Double.MAX_VALUE, -Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        123456.789, 5e-324, 9.999999999999999e20, 0.000001, 100.0};
    private static final long[] LONGS = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, 1_700_000_000_000_000_000L,
        255, 256, 1L << 35, -(1L << 40)};

    private final Random random;
    private final boolean negativeZero;

    RandomTrees(long seed) {
        this(seed, true);
    }

    /**
     * @param negativeZero false for trees read back by protobuf's JsonFormat, whose parser goes through BigDecimal
     *                     and so reads "-0" as +0.0
     */
    RandomTrees(long seed, boolean negativeZero) {
        random = new Random(seed);
        this.negativeZero = negativeZero;
    }

    private boolean chance() {
        return random.nextInt(10) < 7;
    }

    private int count(int max) {
        return random.nextInt(max + 1);
    }

    String string() {
        return random.nextInt(4) == 0 ? randomUnicode() : WORDS[random.nextInt(WORDS.length)];
    }

    private String randomUnicode() {
        StringBuilder out = new StringBuilder();
        for (int i = 0, n = random.nextInt(12); i < n; i++) {
            int codePoint;
            do {
                codePoint = random.nextInt(4) == 0 ? random.nextInt(0x10FFFF) : 0x20 + random.nextInt(0x7F - 0x20);
            } while (codePoint >= 0xD800 && codePoint <= 0xDFFF); // lone surrogates are not UTF-8
            out.appendCodePoint(codePoint);
        }
        return out.toString();
    }

    private String nonEmpty() {
        String value = string();
        return value.isEmpty() ? "x" : value;
    }

    long anyLong() {
        return random.nextBoolean() ? LONGS[random.nextInt(LONGS.length)] : random.nextLong();
    }

    private long time() {
        return chance() ? (random.nextBoolean() ? 1_700_000_000_000_000_000L + random.nextInt() : anyLong()) : 0;
    }

    /** Any double, -0.0 and NaN included. */
    double anyDouble() {
        double value = random.nextBoolean() ? DOUBLES[random.nextInt(DOUBLES.length)] : random.nextDouble() * 1e6 - 5e5;
        return value == 0 && !negativeZero ? 0.0 : value;
    }

    /** A double for fields that OTLP/JSON writes only when non-zero (upstream drops -0.0 there). */
    private double plainDouble() {
        double value = anyDouble();
        return value == 0 ? 0.0 : value;
    }

    private int uint32() {
        return chance() ? (random.nextBoolean() ? random.nextInt(300) : random.nextInt()) : 0;
    }

    private TraceId traceId() {
        return chance() ? TraceId.fromLongs(random.nextLong(), random.nextLong()) : TraceId.EMPTY;
    }

    private SpanId spanId() {
        return chance() ? SpanId.fromLong(random.nextLong()) : SpanId.EMPTY;
    }

    AnyValue anyValue(int depth) {
        int kind = random.nextInt(depth >= 3 ? 6 : 8);
        return switch (kind) {
            case 0 -> AnyValue.empty();
            case 1 -> AnyValue.of(string());
            case 2 -> AnyValue.of(random.nextBoolean());
            case 3 -> AnyValue.of(anyLong());
            case 4 -> AnyValue.of(anyDouble());
            case 5 -> {
                byte[] bytes = new byte[random.nextInt(20)];
                random.nextBytes(bytes);
                yield AnyValue.ofBytes(bytes);
            }
            case 6 -> {
                List<AnyValue> values = new ArrayList<>();
                for (int i = 0, n = count(4); i < n; i++) {
                    values.add(anyValue(depth + 1));
                }
                yield AnyValue.ofArray(values);
            }
            default -> {
                List<KeyValue> values = new ArrayList<>();
                for (int i = 0, n = count(4); i < n; i++) {
                    values.add(KeyValue.of(string(), anyValue(depth + 1))); // kvlist keys may repeat
                }
                yield AnyValue.ofKvList(values);
            }
        };
    }

    /** Distinct keys: the model is a map. */
    private void attributes(Attributes attributes) {
        for (int i = 0, n = chance() ? count(6) : 0; i < n; i++) {
            attributes.put(nonEmpty() + "#" + i, anyValue(0));
        }
    }

    private void resource(Resource resource) {
        if (!chance()) {
            return;
        }
        attributes(resource.attributes());
        resource.setDroppedAttributesCount(uint32());
        for (int i = 0, n = random.nextInt(4) == 0 ? count(2) : 0; i < n; i++) {
            EntityRef ref = resource.entityRefs().addNew().setSchemaUrl(string()).setType(string());
            ref.setIdKeys(random.nextBoolean() ? List.of(string(), string()) : List.of());
            ref.setDescriptionKeys(random.nextBoolean() ? List.of(string()) : List.of());
        }
    }

    private void scope(InstrumentationScope scope) {
        if (!chance()) {
            return;
        }
        scope.setName(string()).setVersion(string()).setDroppedAttributesCount(uint32());
        attributes(scope.attributes());
    }

    // ---- traces

    Traces traces() {
        Traces traces = new Traces();
        for (int r = 0, rn = count(3); r < rn; r++) {
            ResourceSpans resourceSpans = traces.resourceSpans().addNew().setSchemaUrl(chance() ? string() : "");
            resource(resourceSpans.resource());
            for (int s = 0, sn = count(3); s < sn; s++) {
                ScopeSpans scopeSpans = resourceSpans.scopeSpans().addNew().setSchemaUrl(chance() ? string() : "");
                scope(scopeSpans.scope());
                for (int i = 0, n = count(4); i < n; i++) {
                    span(scopeSpans.spans().addNew());
                }
            }
        }
        return traces;
    }

    private void span(Span span) {
        span.setTraceId(traceId()).setSpanId(spanId()).setParentSpanId(spanId()).setTraceState(string())
                .setFlags(uint32()).setName(string())
                .setKind(SpanKind.values()[random.nextInt(SpanKind.values().length)])
                .setStartTimeUnixNano(time()).setEndTimeUnixNano(time())
                .setDroppedAttributesCount(uint32()).setDroppedEventsCount(uint32()).setDroppedLinksCount(uint32());
        attributes(span.attributes());
        for (int i = 0, n = count(3); i < n; i++) {
            SpanEvent event = span.events().addNew().setName(string()).setTimeUnixNano(time())
                    .setDroppedAttributesCount(uint32());
            attributes(event.attributes());
        }
        for (int i = 0, n = count(2); i < n; i++) {
            SpanLink link = span.links().addNew().setTraceId(traceId()).setSpanId(spanId()).setTraceState(string())
                    .setFlags(uint32()).setDroppedAttributesCount(uint32());
            attributes(link.attributes());
        }
        if (chance()) {
            span.status().setCode(StatusCode.values()[random.nextInt(3)]).setMessage(string());
        }
    }

    // ---- metrics

    Metrics metrics() {
        Metrics metrics = new Metrics();
        for (int r = 0, rn = count(3); r < rn; r++) {
            ResourceMetrics resourceMetrics = metrics.resourceMetrics().addNew()
                    .setSchemaUrl(chance() ? string() : "");
            resource(resourceMetrics.resource());
            for (int s = 0, sn = count(3); s < sn; s++) {
                ScopeMetrics scopeMetrics = resourceMetrics.scopeMetrics().addNew()
                        .setSchemaUrl(chance() ? string() : "");
                scope(scopeMetrics.scope());
                for (int i = 0, n = count(6); i < n; i++) {
                    metric(scopeMetrics.metrics().addNew());
                }
            }
        }
        return metrics;
    }

    private AggregationTemporality temporality() {
        return AggregationTemporality.values()[random.nextInt(3)];
    }

    private void metric(Metric metric) {
        metric.setName(string()).setDescription(string()).setUnit(string());
        if (random.nextInt(4) == 0) {
            attributes(metric.metadata());
        }
        switch (random.nextInt(6)) {
            case 0 -> {
            }
            case 1 -> {
                var gauge = metric.setEmptyGauge();
                for (int i = 0, n = count(3); i < n; i++) {
                    numberPoint(gauge.dataPoints().addNew());
                }
            }
            case 2 -> {
                Sum sum = metric.setEmptySum().setAggregationTemporality(temporality())
                        .setIsMonotonic(random.nextBoolean());
                for (int i = 0, n = count(3); i < n; i++) {
                    numberPoint(sum.dataPoints().addNew());
                }
            }
            case 3 -> {
                var histogram = metric.setEmptyHistogram().setAggregationTemporality(temporality());
                for (int i = 0, n = count(3); i < n; i++) {
                    histogramPoint(histogram.dataPoints().addNew());
                }
            }
            case 4 -> {
                var histogram = metric.setEmptyExponentialHistogram().setAggregationTemporality(temporality());
                for (int i = 0, n = count(3); i < n; i++) {
                    exponentialPoint(histogram.dataPoints().addNew());
                }
            }
            default -> {
                var summary = metric.setEmptySummary();
                for (int i = 0, n = count(3); i < n; i++) {
                    summaryPoint(summary.dataPoints().addNew());
                }
            }
        }
    }

    private void pointCommon(DataPoint<?> point) {
        point.setStartTimeUnixNano(time()).setTimeUnixNano(time()).setFlags(uint32());
        attributes(point.attributes());
    }

    private void numberPoint(NumberDataPoint point) {
        pointCommon(point);
        switch (random.nextInt(3)) {
            case 0 -> point.setDoubleValue(anyDouble());
            case 1 -> point.setIntValue(anyLong());
            default -> {
            }
        }
        exemplars(point.exemplars());
    }

    private void exemplars(io.otelier.pdata.PList<Exemplar> exemplars) {
        for (int i = 0, n = random.nextInt(3) == 0 ? count(2) : 0; i < n; i++) {
            Exemplar exemplar = exemplars.addNew().setTimeUnixNano(time()).setTraceId(traceId()).setSpanId(spanId());
            switch (random.nextInt(3)) {
                case 0 -> exemplar.setDoubleValue(anyDouble());
                case 1 -> exemplar.setIntValue(anyLong());
                default -> {
                }
            }
            attributes(exemplar.filteredAttributes());
        }
    }

    private long[] counts(int n) {
        long[] counts = new long[n];
        for (int i = 0; i < n; i++) {
            counts[i] = random.nextBoolean() ? random.nextInt(1000) : anyLong();
        }
        return counts;
    }

    private void histogramPoint(HistogramDataPoint point) {
        pointCommon(point);
        point.setCount(chance() ? anyLong() : 0);
        if (chance()) {
            point.setSum(anyDouble());
        }
        if (chance()) {
            point.setMin(anyDouble());
        }
        if (chance()) {
            point.setMax(anyDouble());
        }
        int buckets = count(8);
        point.setBucketCounts(counts(buckets));
        double[] bounds = new double[buckets == 0 ? 0 : buckets - 1];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = anyDouble();
        }
        point.setExplicitBounds(bounds);
        exemplars(point.exemplars());
    }

    private void exponentialPoint(ExponentialHistogramDataPoint point) {
        pointCommon(point);
        point.setCount(chance() ? anyLong() : 0).setZeroCount(chance() ? anyLong() : 0)
                .setScale(chance() ? random.nextInt(41) - 20 : 0).setZeroThreshold(chance() ? plainDouble() : 0);
        if (chance()) {
            point.setSum(anyDouble());
        }
        if (chance()) {
            point.setMin(anyDouble());
        }
        if (chance()) {
            point.setMax(anyDouble());
        }
        if (chance()) {
            point.positive().setOffset(random.nextInt() >> random.nextInt(32)).setBucketCounts(counts(count(8)));
        }
        if (chance()) {
            point.negative().setOffset(random.nextInt(100) - 50).setBucketCounts(counts(count(8)));
        }
        exemplars(point.exemplars());
    }

    private void summaryPoint(SummaryDataPoint point) {
        pointCommon(point);
        point.setCount(chance() ? anyLong() : 0).setSum(chance() ? plainDouble() : 0);
        for (int i = 0, n = count(4); i < n; i++) {
            point.quantileValues().addNew().setQuantile(plainDouble()).setValue(plainDouble());
        }
    }

    // ---- logs

    Logs logs() {
        Logs logs = new Logs();
        for (int r = 0, rn = count(3); r < rn; r++) {
            ResourceLogs resourceLogs = logs.resourceLogs().addNew().setSchemaUrl(chance() ? string() : "");
            resource(resourceLogs.resource());
            for (int s = 0, sn = count(3); s < sn; s++) {
                ScopeLogs scopeLogs = resourceLogs.scopeLogs().addNew().setSchemaUrl(chance() ? string() : "");
                scope(scopeLogs.scope());
                for (int i = 0, n = count(4); i < n; i++) {
                    logRecord(scopeLogs.logRecords().addNew());
                }
            }
        }
        return logs;
    }

    private void logRecord(LogRecord record) {
        record.setTimeUnixNano(time()).setObservedTimeUnixNano(time())
                .setSeverityNumber(SeverityNumber.values()[random.nextInt(SeverityNumber.values().length)])
                .setSeverityText(string()).setBody(chance() ? anyValue(0) : AnyValue.empty())
                .setDroppedAttributesCount(uint32()).setFlags(uint32()).setTraceId(traceId()).setSpanId(spanId())
                .setEventName(chance() ? string() : "");
        attributes(record.attributes());
    }
}
