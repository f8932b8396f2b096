package io.otelier.pdata.otlp;

import static io.otelier.pdata.otlp.JacksonCommonJson.ATTRIBUTES;
import static io.otelier.pdata.otlp.JacksonCommonJson.DROPPED_ATTRIBUTES_COUNT;
import static io.otelier.pdata.otlp.JacksonCommonJson.FLAGS;
import static io.otelier.pdata.otlp.JacksonCommonJson.NAME;
import static io.otelier.pdata.otlp.JacksonCommonJson.SCHEMA_URL;
import static io.otelier.pdata.otlp.JacksonCommonJson.SPAN_ID;
import static io.otelier.pdata.otlp.JacksonCommonJson.START_TIME_UNIX_NANO;
import static io.otelier.pdata.otlp.JacksonCommonJson.TIME_UNIX_NANO;
import static io.otelier.pdata.otlp.JacksonCommonJson.TRACE_ID;
import static io.otelier.pdata.otlp.JacksonJsonOut.name;

import com.fasterxml.jackson.core.SerializableString;
import io.otelier.pdata.PList;
import io.otelier.pdata.Traces;
import io.otelier.pdata.trace.ResourceSpans;
import io.otelier.pdata.trace.ScopeSpans;
import io.otelier.pdata.trace.Span;
import io.otelier.pdata.trace.SpanEvent;
import io.otelier.pdata.trace.SpanLink;
import io.otelier.pdata.trace.StatusCode;
import java.io.IOException;

/**
 * Test oracle: OTLP/JSON writing of ExportTraceServiceRequest as it was
 * before {@code JsonOut} wrote bytes itself, with Jackson (a frozen copy of the writing half).
 * {@link JsonOutTest} compares the two writers.
 */
final class JacksonTraceJson {

    private static final SerializableString RESOURCE_SPANS = name("resourceSpans");
    private static final SerializableString SCOPE_SPANS = name("scopeSpans");
    private static final SerializableString SPANS = name("spans");
    private static final SerializableString TRACE_STATE = name("traceState");
    private static final SerializableString PARENT_SPAN_ID = name("parentSpanId");
    private static final SerializableString KIND = name("kind");
    private static final SerializableString END_TIME_UNIX_NANO = name("endTimeUnixNano");
    private static final SerializableString EVENTS = name("events");
    private static final SerializableString DROPPED_EVENTS_COUNT = name("droppedEventsCount");
    private static final SerializableString LINKS = name("links");
    private static final SerializableString DROPPED_LINKS_COUNT = name("droppedLinksCount");
    private static final SerializableString STATUS = name("status");
    private static final SerializableString MESSAGE = name("message");
    private static final SerializableString CODE = name("code");

    private JacksonTraceJson() {
    }

    // ---- writing

    static void writeRequest(JacksonJsonOut out, Traces traces) throws IOException {
        out.startObject();
        PList<ResourceSpans> list = traces.resourceSpans();
        if (!list.isEmpty()) {
            out.field(RESOURCE_SPANS);
            out.startArray();
            for (int i = 0, n = list.size(); i < n; i++) {
                writeResourceSpans(out, list.get(i));
            }
            out.endArray();
        }
        out.endObject();
    }

    private static void writeResourceSpans(JacksonJsonOut out, ResourceSpans resourceSpans) throws IOException {
        out.startObject();
        JacksonCommonJson.writeResource(out, resourceSpans.resource());
        PList<ScopeSpans> list = resourceSpans.scopeSpans();
        if (!list.isEmpty()) {
            out.field(SCOPE_SPANS);
            out.startArray();
            for (int i = 0, n = list.size(); i < n; i++) {
                writeScopeSpans(out, list.get(i));
            }
            out.endArray();
        }
        out.stringIfSet(SCHEMA_URL, resourceSpans.schemaUrl());
        out.endObject();
    }

    private static void writeScopeSpans(JacksonJsonOut out, ScopeSpans scopeSpans) throws IOException {
        out.startObject();
        JacksonCommonJson.writeScope(out, scopeSpans.scope());
        PList<Span> spans = scopeSpans.spans();
        if (!spans.isEmpty()) {
            out.field(SPANS);
            out.startArray();
            for (int i = 0, n = spans.size(); i < n; i++) {
                writeSpan(out, spans.get(i));
            }
            out.endArray();
        }
        out.stringIfSet(SCHEMA_URL, scopeSpans.schemaUrl());
        out.endObject();
    }

    private static void writeSpan(JacksonJsonOut out, Span span) throws IOException {
        out.startObject();
        out.traceIdIfSet(TRACE_ID, span.traceId());
        out.spanIdIfSet(SPAN_ID, span.spanId());
        out.stringIfSet(TRACE_STATE, span.traceState());
        out.spanIdIfSet(PARENT_SPAN_ID, span.parentSpanId());
        out.uint32IfSet(FLAGS, span.flags());
        out.stringIfSet(NAME, span.name());
        out.int32IfSet(KIND, span.kind().number());
        out.uint64IfSet(START_TIME_UNIX_NANO, span.startTimeUnixNano());
        out.uint64IfSet(END_TIME_UNIX_NANO, span.endTimeUnixNano());
        JacksonCommonJson.writeAttributes(out, ATTRIBUTES, span.attributes());
        out.uint32IfSet(DROPPED_ATTRIBUTES_COUNT, span.droppedAttributesCount());
        PList<SpanEvent> events = span.events();
        if (!events.isEmpty()) {
            out.field(EVENTS);
            out.startArray();
            for (int i = 0, n = events.size(); i < n; i++) {
                SpanEvent event = events.get(i);
                out.startObject();
                out.uint64IfSet(TIME_UNIX_NANO, event.timeUnixNano());
                out.stringIfSet(NAME, event.name());
                JacksonCommonJson.writeAttributes(out, ATTRIBUTES, event.attributes());
                out.uint32IfSet(DROPPED_ATTRIBUTES_COUNT, event.droppedAttributesCount());
                out.endObject();
            }
            out.endArray();
        }
        out.uint32IfSet(DROPPED_EVENTS_COUNT, span.droppedEventsCount());
        PList<SpanLink> links = span.links();
        if (!links.isEmpty()) {
            out.field(LINKS);
            out.startArray();
            for (int i = 0, n = links.size(); i < n; i++) {
                SpanLink link = links.get(i);
                out.startObject();
                out.traceIdIfSet(TRACE_ID, link.traceId());
                out.spanIdIfSet(SPAN_ID, link.spanId());
                out.stringIfSet(TRACE_STATE, link.traceState());
                JacksonCommonJson.writeAttributes(out, ATTRIBUTES, link.attributes());
                out.uint32IfSet(DROPPED_ATTRIBUTES_COUNT, link.droppedAttributesCount());
                out.uint32IfSet(FLAGS, link.flags());
                out.endObject();
            }
            out.endArray();
        }
        out.uint32IfSet(DROPPED_LINKS_COUNT, span.droppedLinksCount());
        out.field(STATUS); // always, as upstream
        out.startObject();
        out.stringIfSet(MESSAGE, span.status().message());
        out.int32IfSet(CODE, span.status().code().number());
        out.endObject();
        out.endObject();
    }
}
