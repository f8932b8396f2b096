package io.otelier.pdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;

import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.Attributes;
import io.otelier.pdata.common.SpanId;
import io.otelier.pdata.common.TraceId;
import io.otelier.pdata.logs.LogRecord;
import io.otelier.pdata.logs.ScopeLogs;
import io.otelier.pdata.logs.SeverityNumber;
import io.otelier.pdata.metrics.AggregationTemporality;
import io.otelier.pdata.metrics.ExponentialHistogramDataPoint;
import io.otelier.pdata.metrics.HistogramDataPoint;
import io.otelier.pdata.metrics.Metric;
import io.otelier.pdata.metrics.NumberDataPoint;
import io.otelier.pdata.metrics.ScopeMetrics;
import io.otelier.pdata.metrics.SummaryDataPoint;
import io.otelier.pdata.trace.ResourceSpans;
import io.otelier.pdata.trace.ScopeSpans;
import io.otelier.pdata.trace.Span;
import io.otelier.pdata.trace.SpanKind;
import io.otelier.pdata.trace.StatusCode;
import java.util.Comparator;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of mutation, anywhere in a tree marked read-only, fails and leaves the tree as it was. */
class ReadOnlyTest {

    private static <T extends Telemetry> Arguments mutation(String name, Supplier<T> fixture, Consumer<T> change) {
        return Arguments.of(named(name, fixture), change);
    }

    private static Span span(Traces t) {
        return t.resourceSpans().get(0).scopeSpans().get(0).spans().get(0);
    }

    private static ScopeSpans scopeSpans(Traces t) {
        return t.resourceSpans().get(0).scopeSpans().get(0);
    }

    private static Attributes spanAttributes(Traces t) {
        return span(t).attributes();
    }

    static Stream<Arguments> traceMutations() {
        Supplier<Traces> f = Fixtures::traces;
        return Stream.of(
                mutation("Traces.copyTo into it", f, t -> new Traces().copyTo(t)),
                mutation("resourceSpans.addNew", f, t -> t.resourceSpans().addNew()),
                mutation("resourceSpans.remove", f, t -> t.resourceSpans().remove(0)),
                mutation("resourceSpans.removeIf", f, t -> t.resourceSpans().removeIf(r -> true)),
                mutation("resourceSpans.removeIf matching nothing", f, t -> t.resourceSpans().removeIf(r -> false)),
                mutation("resourceSpans.clear", f, t -> t.resourceSpans().clear()),
                mutation("resourceSpans.sort", f, t -> t.resourceSpans().sort(Comparator.comparing(Object::hashCode))),
                mutation("resourceSpans.iterator().remove", f, t -> {
                    Iterator<ResourceSpans> it = t.resourceSpans().iterator();
                    it.next();
                    it.remove();
                }),
                mutation("resourceSpans.moveAllTo a mutable list", f,
                        t -> t.resourceSpans().moveAllTo(new Traces().resourceSpans())),
                mutation("ResourceSpans.setSchemaUrl", f, t -> t.resourceSpans().get(0).setSchemaUrl("x")),
                mutation("Resource.setDroppedAttributesCount", f,
                        t -> t.resourceSpans().get(0).resource().setDroppedAttributesCount(9)),
                mutation("Resource.attributes.put", f,
                        t -> t.resourceSpans().get(0).resource().attributes().put("a", "b")),
                mutation("scopeSpans.addNew", f, t -> t.resourceSpans().get(1).scopeSpans().addNew()),
                mutation("ScopeSpans.setSchemaUrl", f, t -> scopeSpans(t).setSchemaUrl("x")),
                mutation("Scope.setName", f, t -> scopeSpans(t).scope().setName("x")),
                mutation("Scope.setVersion", f, t -> scopeSpans(t).scope().setVersion("x")),
                mutation("Scope.setDroppedAttributesCount", f, t -> scopeSpans(t).scope().setDroppedAttributesCount(0)),
                mutation("Scope.attributes.remove", f, t -> scopeSpans(t).scope().attributes().remove("scope.attr")),
                mutation("spans.addNew", f, t -> scopeSpans(t).spans().addNew()),
                mutation("spans.remove", f, t -> scopeSpans(t).spans().remove(1)),
                mutation("Span.copyTo onto it", f, t -> new Span().copyTo(span(t))),
                mutation("Span.setTraceId", f, t -> span(t).setTraceId(TraceId.EMPTY)),
                mutation("Span.setSpanId", f, t -> span(t).setSpanId(SpanId.EMPTY)),
                mutation("Span.setParentSpanId", f, t -> span(t).setParentSpanId(SpanId.EMPTY)),
                mutation("Span.setTraceState", f, t -> span(t).setTraceState("")),
                mutation("Span.setFlags", f, t -> span(t).setFlags(0)),
                mutation("Span.setName", f, t -> span(t).setName("x")),
                mutation("Span.setKind", f, t -> span(t).setKind(SpanKind.CLIENT)),
                mutation("Span.setStartTimeUnixNano", f, t -> span(t).setStartTimeUnixNano(0)),
                mutation("Span.setEndTimeUnixNano", f, t -> span(t).setEndTimeUnixNano(0)),
                mutation("Span.setDroppedAttributesCount", f, t -> span(t).setDroppedAttributesCount(0)),
                mutation("Span.setDroppedEventsCount", f, t -> span(t).setDroppedEventsCount(0)),
                mutation("Span.setDroppedLinksCount", f, t -> span(t).setDroppedLinksCount(0)),
                mutation("Span.attributes.put(String)", f, t -> spanAttributes(t).put("k", "v")),
                mutation("Span.attributes.put(long)", f, t -> spanAttributes(t).put("k", 1)),
                mutation("Span.attributes.put(double)", f, t -> spanAttributes(t).put("k", 1.5)),
                mutation("Span.attributes.put(boolean)", f, t -> spanAttributes(t).put("k", true)),
                mutation("Span.attributes.put replacing", f, t -> spanAttributes(t).put("http.method", AnyValue.of("x"))),
                mutation("Span.attributes.remove", f, t -> spanAttributes(t).remove("http.method")),
                mutation("Span.attributes.remove missing key", f, t -> spanAttributes(t).remove("missing")),
                mutation("Span.attributes.removeIf", f, t -> spanAttributes(t).removeIf((k, v) -> true)),
                mutation("Span.attributes.clear", f, t -> spanAttributes(t).clear()),
                mutation("Span.attributes.putAll", f, t -> spanAttributes(t).putAll(new Attributes().put("k", 1))),
                mutation("Span.attributes copyTo onto it", f, t -> new Attributes().copyTo(spanAttributes(t))),
                mutation("events.addNew", f, t -> span(t).events().addNew()),
                mutation("SpanEvent.setName", f, t -> span(t).events().get(0).setName("x")),
                mutation("SpanEvent.setTimeUnixNano", f, t -> span(t).events().get(0).setTimeUnixNano(0)),
                mutation("SpanEvent.setDroppedAttributesCount", f,
                        t -> span(t).events().get(0).setDroppedAttributesCount(0)),
                mutation("SpanEvent.attributes.put", f, t -> span(t).events().get(0).attributes().put("k", 1)),
                mutation("links.clear", f, t -> span(t).links().clear()),
                mutation("SpanLink.setTraceId", f, t -> span(t).links().get(0).setTraceId(TraceId.EMPTY)),
                mutation("SpanLink.setSpanId", f, t -> span(t).links().get(0).setSpanId(SpanId.EMPTY)),
                mutation("SpanLink.setTraceState", f, t -> span(t).links().get(0).setTraceState("")),
                mutation("SpanLink.setFlags", f, t -> span(t).links().get(0).setFlags(0)),
                mutation("SpanLink.setDroppedAttributesCount", f,
                        t -> span(t).links().get(0).setDroppedAttributesCount(0)),
                mutation("SpanLink.attributes.remove", f, t -> span(t).links().get(0).attributes().remove("link")),
                mutation("Status.setCode", f, t -> span(t).status().setCode(StatusCode.OK)),
                mutation("Status.setMessage", f, t -> span(t).status().setMessage("")));
    }

    private static Metric metric(Metrics m, int index) {
        return m.resourceMetrics().get(0).scopeMetrics().get(0).metrics().get(index);
    }

    private static NumberDataPoint gaugePoint(Metrics m) {
        return metric(m, 0).gauge().dataPoints().get(0);
    }

    private static HistogramDataPoint histogramPoint(Metrics m) {
        return metric(m, 2).histogram().dataPoints().get(0);
    }

    private static ExponentialHistogramDataPoint exponentialPoint(Metrics m) {
        return metric(m, 3).exponentialHistogram().dataPoints().get(0);
    }

    private static SummaryDataPoint summaryPoint(Metrics m) {
        return metric(m, 4).summary().dataPoints().get(0);
    }

    static Stream<Arguments> metricMutations() {
        Supplier<Metrics> f = Fixtures::metrics;
        return Stream.of(
                mutation("resourceMetrics.addNew", f, m -> m.resourceMetrics().addNew()),
                mutation("ResourceMetrics.setSchemaUrl", f, m -> m.resourceMetrics().get(0).setSchemaUrl("")),
                mutation("Resource.attributes.put", f,
                        m -> m.resourceMetrics().get(0).resource().attributes().put("a", 1)),
                mutation("ScopeMetrics.setSchemaUrl", f,
                        m -> m.resourceMetrics().get(0).scopeMetrics().get(0).setSchemaUrl("")),
                mutation("Scope.setName", f,
                        m -> m.resourceMetrics().get(0).scopeMetrics().get(0).scope().setName("")),
                mutation("metrics.remove", f, m -> m.resourceMetrics().get(0).scopeMetrics().get(0).metrics().remove(0)),
                mutation("Metric.setName", f, m -> metric(m, 0).setName("x")),
                mutation("Metric.setDescription", f, m -> metric(m, 0).setDescription("x")),
                mutation("Metric.setUnit", f, m -> metric(m, 0).setUnit("x")),
                mutation("Metric.metadata.put", f, m -> metric(m, 0).metadata().put("k", "v")),
                mutation("Metric.setEmptyGauge", f, m -> metric(m, 5).setEmptyGauge()),
                mutation("Metric.setEmptySum", f, m -> metric(m, 0).setEmptySum()),
                mutation("Metric.setEmptyHistogram", f, m -> metric(m, 0).setEmptyHistogram()),
                mutation("Metric.setEmptyExponentialHistogram", f, m -> metric(m, 0).setEmptyExponentialHistogram()),
                mutation("Metric.setEmptySummary", f, m -> metric(m, 0).setEmptySummary()),
                mutation("Metric.removeData", f, m -> metric(m, 0).removeData()),
                mutation("Gauge.dataPoints.addNew", f, m -> metric(m, 0).gauge().dataPoints().addNew()),
                mutation("NumberDataPoint.setDoubleValue", f, m -> gaugePoint(m).setDoubleValue(0)),
                mutation("NumberDataPoint.setIntValue", f, m -> gaugePoint(m).setIntValue(0)),
                mutation("NumberDataPoint.setTimeUnixNano", f, m -> gaugePoint(m).setTimeUnixNano(0)),
                mutation("NumberDataPoint.setStartTimeUnixNano", f, m -> gaugePoint(m).setStartTimeUnixNano(0)),
                mutation("NumberDataPoint.setFlags", f, m -> gaugePoint(m).setFlags(0)),
                mutation("NumberDataPoint.attributes.put", f, m -> gaugePoint(m).attributes().put("room", "x")),
                mutation("Exemplar.setIntValue", f,
                        m -> metric(m, 0).gauge().dataPoints().get(1).exemplars().get(0).setIntValue(0)),
                mutation("Exemplar.setDoubleValue", f,
                        m -> metric(m, 0).gauge().dataPoints().get(1).exemplars().get(0).setDoubleValue(0)),
                mutation("Exemplar.setTimeUnixNano", f,
                        m -> metric(m, 0).gauge().dataPoints().get(1).exemplars().get(0).setTimeUnixNano(0)),
                mutation("Exemplar.setTraceId", f,
                        m -> metric(m, 0).gauge().dataPoints().get(1).exemplars().get(0).setTraceId(TraceId.EMPTY)),
                mutation("Exemplar.setSpanId", f,
                        m -> metric(m, 0).gauge().dataPoints().get(1).exemplars().get(0).setSpanId(SpanId.EMPTY)),
                mutation("Exemplar.filteredAttributes.clear", f,
                        m -> metric(m, 0).gauge().dataPoints().get(1).exemplars().get(0).filteredAttributes().clear()),
                mutation("Sum.setAggregationTemporality", f,
                        m -> metric(m, 1).sum().setAggregationTemporality(AggregationTemporality.DELTA)),
                mutation("Sum.setIsMonotonic", f, m -> metric(m, 1).sum().setIsMonotonic(false)),
                mutation("Histogram.setAggregationTemporality", f,
                        m -> metric(m, 2).histogram().setAggregationTemporality(AggregationTemporality.CUMULATIVE)),
                mutation("HistogramDataPoint.setCount", f, m -> histogramPoint(m).setCount(0)),
                mutation("HistogramDataPoint.setSum", f, m -> histogramPoint(m).setSum(0)),
                mutation("HistogramDataPoint.removeSum", f, m -> histogramPoint(m).removeSum()),
                mutation("HistogramDataPoint.setMin", f, m -> histogramPoint(m).setMin(0)),
                mutation("HistogramDataPoint.removeMin", f, m -> histogramPoint(m).removeMin()),
                mutation("HistogramDataPoint.setMax", f, m -> histogramPoint(m).setMax(0)),
                mutation("HistogramDataPoint.removeMax", f, m -> histogramPoint(m).removeMax()),
                mutation("HistogramDataPoint.setBucketCounts", f, m -> histogramPoint(m).setBucketCounts(1)),
                mutation("HistogramDataPoint.setExplicitBounds", f, m -> histogramPoint(m).setExplicitBounds(1)),
                mutation("HistogramDataPoint.exemplars.clear", f, m -> histogramPoint(m).exemplars().clear()),
                mutation("ExponentialHistogram.setAggregationTemporality", f, m -> metric(m, 3)
                        .exponentialHistogram().setAggregationTemporality(AggregationTemporality.CUMULATIVE)),
                mutation("ExponentialHistogramDataPoint.setScale", f, m -> exponentialPoint(m).setScale(0)),
                mutation("ExponentialHistogramDataPoint.setZeroCount", f, m -> exponentialPoint(m).setZeroCount(0)),
                mutation("ExponentialHistogramDataPoint.setZeroThreshold", f,
                        m -> exponentialPoint(m).setZeroThreshold(0)),
                mutation("ExponentialHistogramDataPoint.setCount", f, m -> exponentialPoint(m).setCount(0)),
                mutation("ExponentialHistogramDataPoint.removeSum", f, m -> exponentialPoint(m).removeSum()),
                mutation("ExponentialHistogramDataPoint.setMin", f, m -> exponentialPoint(m).setMin(0)),
                mutation("ExponentialHistogramDataPoint.setMax", f, m -> exponentialPoint(m).setMax(0)),
                mutation("Buckets.setOffset", f, m -> exponentialPoint(m).positive().setOffset(0)),
                mutation("Buckets.setBucketCounts", f, m -> exponentialPoint(m).negative().setBucketCounts()),
                mutation("SummaryDataPoint.setCount", f, m -> summaryPoint(m).setCount(0)),
                mutation("SummaryDataPoint.setSum", f, m -> summaryPoint(m).setSum(0)),
                mutation("SummaryDataPoint.quantileValues.addNew", f, m -> summaryPoint(m).quantileValues().addNew()),
                mutation("ValueAtQuantile.setQuantile", f,
                        m -> summaryPoint(m).quantileValues().get(0).setQuantile(0)),
                mutation("ValueAtQuantile.setValue", f, m -> summaryPoint(m).quantileValues().get(0).setValue(0)));
    }

    private static ScopeLogs scopeLogs(Logs l) {
        return l.resourceLogs().get(0).scopeLogs().get(0);
    }

    private static LogRecord record(Logs l) {
        return scopeLogs(l).logRecords().get(0);
    }

    static Stream<Arguments> logMutations() {
        Supplier<Logs> f = Fixtures::logs;
        return Stream.of(
                mutation("resourceLogs.clear", f, l -> l.resourceLogs().clear()),
                mutation("ResourceLogs.setSchemaUrl", f, l -> l.resourceLogs().get(0).setSchemaUrl("")),
                mutation("scopeLogs.moveAllTo a mutable list", f,
                        l -> l.resourceLogs().get(0).scopeLogs().moveAllTo(new Logs().resourceLogs().addNew().scopeLogs())),
                mutation("ScopeLogs.setSchemaUrl", f, l -> scopeLogs(l).setSchemaUrl("")),
                mutation("Scope.setVersion", f, l -> scopeLogs(l).scope().setVersion("9")),
                mutation("logRecords.removeIf", f, l -> scopeLogs(l).logRecords().removeIf(r -> true)),
                mutation("LogRecord.setTimeUnixNano", f, l -> record(l).setTimeUnixNano(0)),
                mutation("LogRecord.setObservedTimeUnixNano", f, l -> record(l).setObservedTimeUnixNano(0)),
                mutation("LogRecord.setSeverityNumber", f, l -> record(l).setSeverityNumber(SeverityNumber.INFO)),
                mutation("LogRecord.setSeverityText", f, l -> record(l).setSeverityText("")),
                mutation("LogRecord.setBody", f, l -> record(l).setBody(AnyValue.empty())),
                mutation("LogRecord.setDroppedAttributesCount", f, l -> record(l).setDroppedAttributesCount(0)),
                mutation("LogRecord.setFlags", f, l -> record(l).setFlags(0)),
                mutation("LogRecord.setTraceId", f, l -> record(l).setTraceId(TraceId.EMPTY)),
                mutation("LogRecord.setSpanId", f, l -> record(l).setSpanId(SpanId.EMPTY)),
                mutation("LogRecord.setEventName", f, l -> record(l).setEventName("")),
                mutation("LogRecord.attributes.put", f, l -> record(l).attributes().put("disk", "x")),
                mutation("LogRecord.copyTo onto it", f, l -> new LogRecord().copyTo(record(l))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"traceMutations", "metricMutations", "logMutations"})
    <T extends Telemetry> void mutationOfAReadOnlyTreeFailsAndChangesNothing(Supplier<T> fixture, Consumer<T> change) {
        T data = fixture.get();
        // the mutation must work on a mutable tree, or this test proves nothing
        change.accept(fixture.get());

        data.markReadOnly();

        assertThat(data.isReadOnly()).isTrue();
        assertThatThrownBy(() -> change.accept(data))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("data is read-only: it is shared with other consumers;");
        assertThat(data).isEqualTo(fixture.get());
    }

    @Test
    void readsStayFreeAndDeepCopyIsMutable() {
        Traces traces = Fixtures.traces();
        traces.markReadOnly();

        assertThat(traces.spanCount()).isEqualTo(4);
        assertThat(traces.toString()).contains("GET /cart");
        assertThat(span(traces).attributes().asMap()).containsKey("http.method");
        traces.resourceSpans().forEach(r -> r.scopeSpans().forEach(s -> assertThat(s.isReadOnly()).isTrue()));
        traces.resourceSpans().ensureCapacity(10);

        Traces copy = traces.deepCopy();
        assertThat(copy.isReadOnly()).isFalse();
        assertThat(copy).isEqualTo(traces);
        span(copy).setName("mutable again").attributes().put("k", "v");
        assertThat(span(traces).name()).isEqualTo("GET /cart");
    }

    @Test
    void referencesTakenBeforeMarkingAreGuardedToo() {
        Metrics metrics = Fixtures.metrics();
        NumberDataPoint point = gaugePoint(metrics);
        Attributes attributes = point.attributes();
        Metric metric = metric(metrics, 0);

        metrics.markReadOnly();

        assertThat(point.isReadOnly()).isTrue();
        assertThatThrownBy(() -> point.setDoubleValue(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> attributes.put("k", "v")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> metric.setEmptySum()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void movedNodesFollowTheTargetTree() {
        Traces source = Fixtures.traces();
        Traces target = new Traces();
        Span moved = span(source);
        Attributes movedAttributes = moved.attributes();

        source.resourceSpans().moveAllTo(target.resourceSpans());
        source.markReadOnly();

        moved.setName("still mutable: it left the read-only tree");
        movedAttributes.put("k", "v");
        assertThat(moved.isReadOnly()).isFalse();

        target.markReadOnly();
        assertThat(moved.isReadOnly()).isTrue();
        assertThatThrownBy(() -> moved.setName("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> movedAttributes.remove("k")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void movingIntoAReadOnlyTreeFailsAndKeepsTheSource() {
        Logs source = Fixtures.logs();
        Logs target = Fixtures.logs();
        target.markReadOnly();

        assertThatThrownBy(() -> source.resourceLogs().moveAllTo(target.resourceLogs()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(source).isEqualTo(Fixtures.logs());
        assertThat(target).isEqualTo(Fixtures.logs());
    }

    @Test
    void addNewJoinsTheListsTree() {
        Logs logs = new Logs();
        LogRecord record = logs.resourceLogs().addNew().scopeLogs().addNew().logRecords().addNew();

        logs.markReadOnly();

        assertThatThrownBy(() -> record.setSeverityText("x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void removedNodeIsDetachedAndMutable() {
        Traces traces = Fixtures.traces();
        Span removed = scopeSpans(traces).spans().remove(0);

        traces.markReadOnly();

        removed.setName("detached").attributes().put("k", "v");
        assertThat(removed.isReadOnly()).isFalse();
    }

    @Test
    void standaloneNodesAreMutable() {
        assertThat(new Span().setName("x").name()).isEqualTo("x");
        assertThat(new Attributes().put("k", 1).size()).isEqualTo(1);
        assertThat(new Metric().isReadOnly()).isFalse();
    }
}
