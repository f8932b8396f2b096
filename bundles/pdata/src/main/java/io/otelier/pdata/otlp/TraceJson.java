package io.otelier.pdata.otlp;

import static io.otelier.pdata.otlp.CommonJson.ATTRIBUTES;
import static io.otelier.pdata.otlp.CommonJson.DROPPED_ATTRIBUTES_COUNT;
import static io.otelier.pdata.otlp.CommonJson.FLAGS;
import static io.otelier.pdata.otlp.CommonJson.NAME;
import static io.otelier.pdata.otlp.CommonJson.SCHEMA_URL;
import static io.otelier.pdata.otlp.CommonJson.SPAN_ID;
import static io.otelier.pdata.otlp.CommonJson.START_TIME_UNIX_NANO;
import static io.otelier.pdata.otlp.CommonJson.TIME_UNIX_NANO;
import static io.otelier.pdata.otlp.CommonJson.TRACE_ID;
import static io.otelier.pdata.otlp.JsonOut.name;

import com.fasterxml.jackson.core.SerializableString;
import io.otelier.pdata.PList;
import io.otelier.pdata.Traces;
import io.otelier.pdata.trace.ResourceSpans;
import io.otelier.pdata.trace.ScopeSpans;
import io.otelier.pdata.trace.Span;
import io.otelier.pdata.trace.SpanEvent;
import io.otelier.pdata.trace.SpanKind;
import io.otelier.pdata.trace.SpanLink;
import io.otelier.pdata.trace.Status;
import io.otelier.pdata.trace.StatusCode;
import java.io.IOException;
import java.util.Map;

/** OTLP/JSON of {@code ExportTraceServiceRequest}, both ways. */
final class TraceJson {

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

    private static final Map<String, Integer> SPAN_KINDS =
            CommonJson.enumNames("SPAN_KIND_", SpanKind.values(), SpanKind::number);
    private static final Map<String, Integer> STATUS_CODES =
            CommonJson.enumNames("STATUS_CODE_", StatusCode.values(), StatusCode::number);

    private TraceJson() {
    }

    // ---- writing

    static void writeRequest(JsonOut out, Traces traces) throws IOException {
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

    private static void writeResourceSpans(JsonOut out, ResourceSpans resourceSpans) throws IOException {
        out.startObject();
        CommonJson.writeResource(out, resourceSpans.resource());
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

    private static void writeScopeSpans(JsonOut out, ScopeSpans scopeSpans) throws IOException {
        out.startObject();
        CommonJson.writeScope(out, scopeSpans.scope());
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

    private static void writeSpan(JsonOut out, Span span) throws IOException {
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
        CommonJson.writeAttributes(out, ATTRIBUTES, span.attributes());
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
                CommonJson.writeAttributes(out, ATTRIBUTES, event.attributes());
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
                CommonJson.writeAttributes(out, ATTRIBUTES, link.attributes());
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

    // ---- reading

    static void readRequest(JsonIn in, Traces traces) throws IOException, OtlpDecodeException {
        in.startObject();
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            if (field.equals("resourceSpans") || field.equals("resource_spans")) {
                in.startArray();
                while (in.nextElement()) {
                    readResourceSpans(in, traces.resourceSpans().addNew());
                }
            } else {
                in.skip();
            }
        }
    }

    private static void readResourceSpans(JsonIn in, ResourceSpans resourceSpans)
            throws IOException, OtlpDecodeException {
        in.startObject();
        ResourceSpans deprecated = null;
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "resource" -> CommonJson.readResource(in, resourceSpans.resource());
                case "scopeSpans", "scope_spans" -> readScopeSpansList(in, resourceSpans.scopeSpans());
                case "schemaUrl", "schema_url" -> resourceSpans.setSchemaUrl(in.string());
                // the pre-0.19 name, still read by upstream; it counts only when scopeSpans is absent
                case "instrumentationLibrarySpans", "instrumentation_library_spans", "deprecatedScopeSpans",
                        "deprecated_scope_spans" -> {
                    deprecated = deprecated == null ? new ResourceSpans() : deprecated;
                    readScopeSpansList(in, deprecated.scopeSpans());
                }
                default -> in.skip();
            }
        }
        if (deprecated != null && resourceSpans.scopeSpans().isEmpty()) {
            deprecated.scopeSpans().moveAllTo(resourceSpans.scopeSpans());
        }
    }

    private static void readScopeSpansList(JsonIn in, PList<ScopeSpans> list) throws IOException, OtlpDecodeException {
        in.startArray();
        while (in.nextElement()) {
            ScopeSpans scopeSpans = list.addNew();
            in.startObject();
            for (String field = in.nextField(); field != null; field = in.nextField()) {
                switch (field) {
                    // the pre-0.19 name of the scope
                    case "scope", "instrumentationLibrary", "instrumentation_library" ->
                            CommonJson.readScope(in, scopeSpans.scope());
                    case "spans" -> {
                        in.startArray();
                        while (in.nextElement()) {
                            readSpan(in, scopeSpans.spans().addNew());
                        }
                    }
                    case "schemaUrl", "schema_url" -> scopeSpans.setSchemaUrl(in.string());
                    default -> in.skip();
                }
            }
        }
    }

    private static void readSpan(JsonIn in, Span span) throws IOException, OtlpDecodeException {
        in.startObject();
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "traceId", "trace_id" -> span.setTraceId(in.traceId());
                case "spanId", "span_id" -> span.setSpanId(in.spanId());
                case "traceState", "trace_state" -> span.setTraceState(in.string());
                case "parentSpanId", "parent_span_id" -> span.setParentSpanId(in.spanId());
                case "flags" -> span.setFlags(in.uint32());
                case "name" -> span.setName(in.string());
                case "kind" -> span.setKind(SpanKind.fromNumber(in.enumNumber(SPAN_KINDS)));
                case "startTimeUnixNano", "start_time_unix_nano" -> span.setStartTimeUnixNano(in.uint64());
                case "endTimeUnixNano", "end_time_unix_nano" -> span.setEndTimeUnixNano(in.uint64());
                case "attributes" -> CommonJson.readAttributes(in, span.attributes());
                case "droppedAttributesCount", "dropped_attributes_count" ->
                        span.setDroppedAttributesCount(in.uint32());
                case "events" -> {
                    in.startArray();
                    while (in.nextElement()) {
                        readEvent(in, span.events().addNew());
                    }
                }
                case "droppedEventsCount", "dropped_events_count" -> span.setDroppedEventsCount(in.uint32());
                case "links" -> {
                    in.startArray();
                    while (in.nextElement()) {
                        readLink(in, span.links().addNew());
                    }
                }
                case "droppedLinksCount", "dropped_links_count" -> span.setDroppedLinksCount(in.uint32());
                case "status" -> readStatus(in, span.status());
                default -> in.skip();
            }
        }
    }

    private static void readEvent(JsonIn in, SpanEvent event) throws IOException, OtlpDecodeException {
        in.startObject();
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "timeUnixNano", "time_unix_nano" -> event.setTimeUnixNano(in.uint64());
                case "name" -> event.setName(in.string());
                case "attributes" -> CommonJson.readAttributes(in, event.attributes());
                case "droppedAttributesCount", "dropped_attributes_count" ->
                        event.setDroppedAttributesCount(in.uint32());
                default -> in.skip();
            }
        }
    }

    private static void readLink(JsonIn in, SpanLink link) throws IOException, OtlpDecodeException {
        in.startObject();
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "traceId", "trace_id" -> link.setTraceId(in.traceId());
                case "spanId", "span_id" -> link.setSpanId(in.spanId());
                case "traceState", "trace_state" -> link.setTraceState(in.string());
                case "attributes" -> CommonJson.readAttributes(in, link.attributes());
                case "droppedAttributesCount", "dropped_attributes_count" ->
                        link.setDroppedAttributesCount(in.uint32());
                case "flags" -> link.setFlags(in.uint32());
                default -> in.skip();
            }
        }
    }

    private static void readStatus(JsonIn in, Status status) throws IOException, OtlpDecodeException {
        in.startObject();
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "message" -> status.setMessage(in.string());
                case "code" -> status.setCode(StatusCode.fromNumber(in.enumNumber(STATUS_CODES)));
                default -> in.skip();
            }
        }
    }
}
