package io.otelier.pdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.pdata.trace.Span;
import io.otelier.pdata.trace.SpanKind;
import io.otelier.pdata.trace.StatusCode;
import org.junit.jupiter.api.Test;

class TracesTest {

    @Test
    void newTracesIsEmptyAndMutable() {
        Traces traces = new Traces();

        assertThat(traces.isEmpty()).isTrue();
        assertThat(traces.isReadOnly()).isFalse();
        assertThat(traces.itemCount()).isZero();
        assertThat(traces.resourceSpans().size()).isZero();
    }

    @Test
    void countsSpansAcrossResourcesAndScopes() {
        Traces traces = Fixtures.traces();

        assertThat(traces.spanCount()).isEqualTo(4);
        assertThat(traces.itemCount()).isEqualTo(4);
        assertThat(traces.resourceSpans().get(0).spanCount()).isEqualTo(3);
        assertThat(traces.isEmpty()).isFalse();
    }

    @Test
    void resourceWithoutSpansIsNotEmptyButCountsNoItems() {
        Traces traces = new Traces();
        traces.resourceSpans().addNew().scopeSpans().addNew();

        assertThat(traces.isEmpty()).isFalse();
        assertThat(traces.itemCount()).isZero();
    }

    @Test
    void buildsEveryFieldOfASpan() {
        Span span = Fixtures.traces().resourceSpans().get(0).scopeSpans().get(0).spans().get(0);

        assertThat(span.traceId()).isEqualTo(Fixtures.TRACE_ID);
        assertThat(span.spanId()).isEqualTo(Fixtures.SPAN_ID);
        assertThat(span.parentSpanId()).isEqualTo(Fixtures.PARENT_ID);
        assertThat(span.traceState()).isEqualTo("k=v");
        assertThat(span.flags()).isEqualTo(0x301);
        assertThat(span.name()).isEqualTo("GET /cart");
        assertThat(span.kind()).isEqualTo(SpanKind.SERVER);
        assertThat(span.startTimeUnixNano()).isEqualTo(1_000);
        assertThat(span.endTimeUnixNano()).isEqualTo(2_000);
        assertThat(span.attributes().size()).isEqualTo(5);
        assertThat(span.attributes().get("http.status_code").orElseThrow().intValue()).isEqualTo(200);
        assertThat(span.droppedAttributesCount()).isEqualTo(3);
        assertThat(span.events().get(0).name()).isEqualTo("exception");
        assertThat(span.events().get(0).timeUnixNano()).isEqualTo(1_500);
        assertThat(span.droppedEventsCount()).isEqualTo(4);
        assertThat(span.links().get(0).spanId()).isEqualTo(Fixtures.PARENT_ID);
        assertThat(span.links().get(0).flags()).isEqualTo(1);
        assertThat(span.droppedLinksCount()).isEqualTo(5);
        assertThat(span.status().code()).isEqualTo(StatusCode.ERROR);
        assertThat(span.status().message()).isEqualTo("boom");
    }

    @Test
    void newSpanHasProtobufDefaults() {
        Span span = new Span();

        assertThat(span.traceId().isEmpty()).isTrue();
        assertThat(span.spanId().isEmpty()).isTrue();
        assertThat(span.parentSpanId().isEmpty()).isTrue();
        assertThat(span.name()).isEmpty();
        assertThat(span.traceState()).isEmpty();
        assertThat(span.kind()).isEqualTo(SpanKind.UNSPECIFIED);
        assertThat(span.status().code()).isEqualTo(StatusCode.UNSET);
        assertThat(span.events().isEmpty()).isTrue();
    }

    @Test
    void deepCopyIsEqualAndIndependent() {
        Traces original = Fixtures.traces();
        Traces copy = original.deepCopy();

        assertThat(copy).isEqualTo(original).hasSameHashCodeAs(original).isNotSameAs(original);
        assertThat(copy.toString()).isEqualTo(original.toString());

        Span copied = copy.resourceSpans().get(0).scopeSpans().get(0).spans().get(0);
        copied.setName("changed");
        copied.attributes().put("http.method", "POST");
        copied.events().get(0).attributes().put("new", 1);
        copied.links().get(0).setTraceState("x=y");
        copied.status().setMessage("other");
        copy.resourceSpans().get(0).resource().attributes().put("service.name", "other");

        Span kept = original.resourceSpans().get(0).scopeSpans().get(0).spans().get(0);
        assertThat(kept.name()).isEqualTo("GET /cart");
        assertThat(kept.attributes().get("http.method").orElseThrow().stringValue()).isEqualTo("GET");
        assertThat(kept.events().get(0).attributes().containsKey("new")).isFalse();
        assertThat(kept.links().get(0).traceState()).isEqualTo("a=b");
        assertThat(kept.status().message()).isEqualTo("boom");
        assertThat(copy).isNotEqualTo(original);
        assertThat(original).isEqualTo(Fixtures.traces());
    }

    @Test
    void equalityNoticesEveryLevel() {
        Traces changed = Fixtures.traces();
        changed.resourceSpans().get(1).scopeSpans().get(0).spans().get(0).setEndTimeUnixNano(9);
        assertThat(changed).isNotEqualTo(Fixtures.traces());

        Traces scopeChanged = Fixtures.traces();
        scopeChanged.resourceSpans().get(0).scopeSpans().get(0).scope().setVersion("2.0");
        assertThat(scopeChanged).isNotEqualTo(Fixtures.traces());
    }

    @Test
    void moveAllToAppendsToAnotherBatchAndEmptiesTheSource() {
        Traces source = Fixtures.traces();
        Traces target = Fixtures.traces();

        source.resourceSpans().moveAllTo(target.resourceSpans());

        assertThat(source.isEmpty()).isTrue();
        assertThat(target.spanCount()).isEqualTo(8);
        assertThat(target.resourceSpans().get(2)).isEqualTo(Fixtures.traces().resourceSpans().get(0));
    }

    @Test
    void copyToReplacesTheTarget() {
        Traces target = new Traces();
        target.resourceSpans().addNew().setSchemaUrl("gone");

        Fixtures.traces().copyTo(target);

        assertThat(target).isEqualTo(Fixtures.traces());
    }
}
