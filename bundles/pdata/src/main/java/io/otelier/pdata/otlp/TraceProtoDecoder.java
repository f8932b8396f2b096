package io.otelier.pdata.otlp;

import static io.otelier.pdata.otlp.ProtoReader.FIXED32;
import static io.otelier.pdata.otlp.ProtoReader.FIXED64;
import static io.otelier.pdata.otlp.ProtoReader.LEN;
import static io.otelier.pdata.otlp.ProtoReader.VARINT;
import static io.otelier.pdata.otlp.ProtoReader.known;
import static io.otelier.pdata.otlp.ProtoReader.names;

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

/** Reads {@code ExportTraceServiceRequest} (the same layout as {@code TracesData}). */
final class TraceProtoDecoder {

    static final String[] REQUEST = names(1, "resource_spans");
    static final String[] RESOURCE_SPANS = names(1, "resource", 2, "scope_spans", 3, "schema_url",
            1000, "instrumentation_library_spans");
    static final String[] SCOPE_SPANS = names(1, "scope", 2, "spans", 3, "schema_url");
    static final String[] SPAN = names(1, "trace_id", 2, "span_id", 3, "trace_state", 4, "parent_span_id",
            5, "name", 6, "kind", 7, "start_time_unix_nano", 8, "end_time_unix_nano", 9, "attributes",
            10, "dropped_attributes_count", 11, "events", 12, "dropped_events_count", 13, "links",
            14, "dropped_links_count", 15, "status", 16, "flags");
    static final String[] EVENT = names(1, "time_unix_nano", 2, "name", 3, "attributes",
            4, "dropped_attributes_count");
    static final String[] LINK = names(1, "trace_id", 2, "span_id", 3, "trace_state", 4, "attributes",
            5, "dropped_attributes_count", 6, "flags");
    static final String[] STATUS = names(2, "message", 3, "code");

    private static final long REQUEST_KNOWN = known(REQUEST);
    private static final long RESOURCE_SPANS_KNOWN = known(RESOURCE_SPANS);
    private static final long SCOPE_SPANS_KNOWN = known(SCOPE_SPANS);
    private static final long SPAN_KNOWN = known(SPAN);
    private static final long EVENT_KNOWN = known(EVENT);
    private static final long LINK_KNOWN = known(LINK);
    private static final long STATUS_KNOWN = known(STATUS);

    /** Field 1000 of ResourceSpans: {@code instrumentation_library_spans} of OTLP before 0.19, still sent by old SDKs. */
    private static final int DEPRECATED_SCOPE_SPANS = 1000 << 3 | LEN;

    private TraceProtoDecoder() {
    }

    static void readRequest(ProtoReader r, Traces traces) throws IOException, OtlpDecodeException {
        PList<ResourceSpans> resourceSpans = traces.resourceSpans();
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            if (tag == (1 << 3 | LEN)) {
                readResourceSpans(r, resourceSpans);
            } else {
                r.skipField(tag, REQUEST_KNOWN);
            }
        }
    }

    private static void readResourceSpans(ProtoReader r, PList<ResourceSpans> list)
            throws IOException, OtlpDecodeException {
        int limit = r.enter(RESOURCE_SPANS, list.size());
        ResourceSpans resourceSpans = list.addNew();
        ResourceSpans deprecated = null;
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            switch (tag) {
                case 1 << 3 | LEN -> CommonProtoDecoder.readResource(r, resourceSpans.resource());
                case 2 << 3 | LEN -> readScopeSpans(r, resourceSpans.scopeSpans());
                case 3 << 3 | LEN -> resourceSpans.setSchemaUrl(r.readString());
                case DEPRECATED_SCOPE_SPANS -> {
                    deprecated = deprecated == null ? new ResourceSpans() : deprecated;
                    readScopeSpans(r, deprecated.scopeSpans());
                }
                default -> r.skipField(tag, RESOURCE_SPANS_KNOWN);
            }
        }
        r.leave(limit);
        // as upstream: the old field counts only when the new one is absent
        if (deprecated != null && resourceSpans.scopeSpans().isEmpty()) {
            deprecated.scopeSpans().moveAllTo(resourceSpans.scopeSpans());
        }
    }

    private static void readScopeSpans(ProtoReader r, PList<ScopeSpans> list) throws IOException, OtlpDecodeException {
        int limit = r.enter(SCOPE_SPANS, list.size());
        ScopeSpans scopeSpans = list.addNew();
        // Items are read into a detached list and moved in at the end: each setter checks that its tree is not
        // read-only by walking up to the root, a walk of two or three nodes from a detached list instead of eight.
        PList<Span> spans = new PList<>(Span::new, Span::copyTo);
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            switch (tag) {
                case 1 << 3 | LEN -> CommonProtoDecoder.readScope(r, scopeSpans.scope());
                case 2 << 3 | LEN -> readSpan(r, spans);
                case 3 << 3 | LEN -> scopeSpans.setSchemaUrl(r.readString());
                default -> r.skipField(tag, SCOPE_SPANS_KNOWN);
            }
        }
        r.leave(limit);
        spans.moveAllTo(scopeSpans.spans());
    }

    private static void readSpan(ProtoReader r, PList<Span> list) throws IOException, OtlpDecodeException {
        int limit = r.enter(SPAN, list.size());
        Span span = list.addNew();
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            switch (tag) {
                case 1 << 3 | LEN -> span.setTraceId(r.readTraceId());
                case 2 << 3 | LEN -> span.setSpanId(r.readSpanId());
                case 3 << 3 | LEN -> span.setTraceState(r.readString());
                case 4 << 3 | LEN -> span.setParentSpanId(r.readSpanId());
                case 5 << 3 | LEN -> span.setName(r.readName());
                case 6 << 3 | VARINT -> span.setKind(SpanKind.fromNumber(r.in.readEnum()));
                case 7 << 3 | FIXED64 -> span.setStartTimeUnixNano(r.in.readFixed64());
                case 8 << 3 | FIXED64 -> span.setEndTimeUnixNano(r.in.readFixed64());
                case 9 << 3 | LEN -> CommonProtoDecoder.readAttribute(r, span.attributes());
                case 10 << 3 | VARINT -> span.setDroppedAttributesCount(r.readUInt32());
                case 11 << 3 | LEN -> readEvent(r, span.events());
                case 12 << 3 | VARINT -> span.setDroppedEventsCount(r.readUInt32());
                case 13 << 3 | LEN -> readLink(r, span.links());
                case 14 << 3 | VARINT -> span.setDroppedLinksCount(r.readUInt32());
                case 15 << 3 | LEN -> readStatus(r, span.status());
                case 16 << 3 | FIXED32 -> span.setFlags(Integer.toUnsignedLong(r.in.readFixed32()));
                default -> r.skipField(tag, SPAN_KNOWN);
            }
        }
        r.leave(limit);
    }

    private static void readEvent(ProtoReader r, PList<SpanEvent> list) throws IOException, OtlpDecodeException {
        int limit = r.enter(EVENT, list.size());
        SpanEvent event = list.addNew();
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            switch (tag) {
                case 1 << 3 | FIXED64 -> event.setTimeUnixNano(r.in.readFixed64());
                case 2 << 3 | LEN -> event.setName(r.readName());
                case 3 << 3 | LEN -> CommonProtoDecoder.readAttribute(r, event.attributes());
                case 4 << 3 | VARINT -> event.setDroppedAttributesCount(r.readUInt32());
                default -> r.skipField(tag, EVENT_KNOWN);
            }
        }
        r.leave(limit);
    }

    private static void readLink(ProtoReader r, PList<SpanLink> list) throws IOException, OtlpDecodeException {
        int limit = r.enter(LINK, list.size());
        SpanLink link = list.addNew();
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            switch (tag) {
                case 1 << 3 | LEN -> link.setTraceId(r.readTraceId());
                case 2 << 3 | LEN -> link.setSpanId(r.readSpanId());
                case 3 << 3 | LEN -> link.setTraceState(r.readString());
                case 4 << 3 | LEN -> CommonProtoDecoder.readAttribute(r, link.attributes());
                case 5 << 3 | VARINT -> link.setDroppedAttributesCount(r.readUInt32());
                case 6 << 3 | FIXED32 -> link.setFlags(Integer.toUnsignedLong(r.in.readFixed32()));
                default -> r.skipField(tag, LINK_KNOWN);
            }
        }
        r.leave(limit);
    }

    private static void readStatus(ProtoReader r, Status status) throws IOException, OtlpDecodeException {
        int limit = r.enter(STATUS, -1);
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            switch (tag) {
                case 2 << 3 | LEN -> status.setMessage(r.readString());
                case 3 << 3 | VARINT -> status.setCode(StatusCode.fromNumber(r.in.readEnum()));
                default -> r.skipField(tag, STATUS_KNOWN);
            }
        }
        r.leave(limit);
    }
}
