package io.otelier.pdata.otlp;

import static com.google.protobuf.CodedOutputStream.computeEnumSize;
import static io.otelier.pdata.otlp.CommonProtoEncoder.attributesSize;
import static io.otelier.pdata.otlp.CommonProtoEncoder.fixed64Size;
import static io.otelier.pdata.otlp.CommonProtoEncoder.messageSize;
import static io.otelier.pdata.otlp.CommonProtoEncoder.nameSize;
import static io.otelier.pdata.otlp.CommonProtoEncoder.resourceSize;
import static io.otelier.pdata.otlp.CommonProtoEncoder.scopeSize;
import static io.otelier.pdata.otlp.CommonProtoEncoder.spanIdSize;
import static io.otelier.pdata.otlp.CommonProtoEncoder.startMessage;
import static io.otelier.pdata.otlp.CommonProtoEncoder.stringSize;
import static io.otelier.pdata.otlp.CommonProtoEncoder.traceIdSize;
import static io.otelier.pdata.otlp.CommonProtoEncoder.uint32Size;
import static io.otelier.pdata.otlp.CommonProtoEncoder.writeAttributes;
import static io.otelier.pdata.otlp.CommonProtoEncoder.writeFixed64;
import static io.otelier.pdata.otlp.CommonProtoEncoder.writeName;
import static io.otelier.pdata.otlp.CommonProtoEncoder.writeSpanId;
import static io.otelier.pdata.otlp.CommonProtoEncoder.writeString;
import static io.otelier.pdata.otlp.CommonProtoEncoder.writeTraceId;
import static io.otelier.pdata.otlp.CommonProtoEncoder.writeUInt32;

import com.google.protobuf.CodedOutputStream;
import io.otelier.pdata.PList;
import io.otelier.pdata.Traces;
import io.otelier.pdata.trace.ResourceSpans;
import io.otelier.pdata.trace.ScopeSpans;
import io.otelier.pdata.trace.Span;
import io.otelier.pdata.trace.SpanEvent;
import io.otelier.pdata.trace.SpanLink;
import io.otelier.pdata.trace.Status;

/** Writes {@code ExportTraceServiceRequest}; see {@link CommonProtoEncoder} for the two passes. */
final class TraceProtoEncoder {

    private TraceProtoEncoder() {
    }

    static int requestSize(Traces traces, SizeCache cache) {
        PList<ResourceSpans> list = traces.resourceSpans();
        int size = 0;
        for (int i = 0, n = list.size(); i < n; i++) {
            int slot = cache.reserve();
            size += messageSize(1, slot, resourceSpansSize(list.get(i), cache), cache);
        }
        return size;
    }

    static void writeRequest(ProtoWriter out, Traces traces, SizeCache cache) {
        PList<ResourceSpans> list = traces.resourceSpans();
        for (int i = 0, n = list.size(); i < n; i++) {
            startMessage(out, 1, cache);
            writeResourceSpans(out, list.get(i), cache);
        }
    }

    private static int resourceSpansSize(ResourceSpans resourceSpans, SizeCache cache) {
        int size = resourceSize(1, resourceSpans.resource(), cache);
        PList<ScopeSpans> list = resourceSpans.scopeSpans();
        for (int i = 0, n = list.size(); i < n; i++) {
            int slot = cache.reserve();
            size += messageSize(2, slot, scopeSpansSize(list.get(i), cache), cache);
        }
        return size + stringSize(3, resourceSpans.schemaUrl());
    }

    private static void writeResourceSpans(ProtoWriter out, ResourceSpans resourceSpans, SizeCache cache) {
        CommonProtoEncoder.writeResource(out, 1, resourceSpans.resource(), cache);
        PList<ScopeSpans> list = resourceSpans.scopeSpans();
        for (int i = 0, n = list.size(); i < n; i++) {
            startMessage(out, 2, cache);
            writeScopeSpans(out, list.get(i), cache);
        }
        writeString(out, 3, resourceSpans.schemaUrl());
    }

    private static int scopeSpansSize(ScopeSpans scopeSpans, SizeCache cache) {
        int size = scopeSize(1, scopeSpans.scope(), cache);
        PList<Span> spans = scopeSpans.spans();
        for (int i = 0, n = spans.size(); i < n; i++) {
            int slot = cache.reserve();
            size += messageSize(2, slot, spanSize(spans.get(i), cache), cache);
        }
        return size + stringSize(3, scopeSpans.schemaUrl());
    }

    private static void writeScopeSpans(ProtoWriter out, ScopeSpans scopeSpans, SizeCache cache) {
        CommonProtoEncoder.writeScope(out, 1, scopeSpans.scope(), cache);
        PList<Span> spans = scopeSpans.spans();
        for (int i = 0, n = spans.size(); i < n; i++) {
            startMessage(out, 2, cache);
            writeSpan(out, spans.get(i), cache);
        }
        writeString(out, 3, scopeSpans.schemaUrl());
    }

    private static int spanSize(Span span, SizeCache cache) {
        int size = traceIdSize(1, span.traceId())
                + spanIdSize(2, span.spanId())
                + stringSize(3, span.traceState())
                + spanIdSize(4, span.parentSpanId())
                + nameSize(5, span.name())
                + (span.kind().number() == 0 ? 0 : computeEnumSize(6, span.kind().number()))
                + fixed64Size(7, span.startTimeUnixNano() != 0)
                + fixed64Size(8, span.endTimeUnixNano() != 0)
                + attributesSize(9, span.attributes(), cache)
                + uint32Size(10, span.droppedAttributesCount());
        PList<SpanEvent> events = span.events();
        for (int i = 0, n = events.size(); i < n; i++) {
            int slot = cache.reserve();
            size += messageSize(11, slot, eventSize(events.get(i), cache), cache);
        }
        size += uint32Size(12, span.droppedEventsCount());
        PList<SpanLink> links = span.links();
        for (int i = 0, n = links.size(); i < n; i++) {
            int slot = cache.reserve();
            size += messageSize(13, slot, linkSize(links.get(i), cache), cache);
        }
        size += uint32Size(14, span.droppedLinksCount());
        Status status = span.status();
        if (!isEmpty(status)) {
            int slot = cache.reserve();
            size += messageSize(15, slot, statusSize(status), cache);
        }
        return size + (span.flags() == 0 ? 0 : 6); // fixed32 field 16: two tag bytes and four
    }

    private static void writeSpan(ProtoWriter out, Span span, SizeCache cache) {
        writeTraceId(out, 1, span.traceId());
        writeSpanId(out, 2, span.spanId());
        writeString(out, 3, span.traceState());
        writeSpanId(out, 4, span.parentSpanId());
        writeName(out, 5, span.name());
        if (span.kind().number() != 0) {
            out.writeEnum(6, span.kind().number());
        }
        writeFixed64(out, 7, span.startTimeUnixNano());
        writeFixed64(out, 8, span.endTimeUnixNano());
        writeAttributes(out, 9, span.attributes(), cache);
        writeUInt32(out, 10, span.droppedAttributesCount());
        PList<SpanEvent> events = span.events();
        for (int i = 0, n = events.size(); i < n; i++) {
            startMessage(out, 11, cache);
            writeEvent(out, events.get(i), cache);
        }
        writeUInt32(out, 12, span.droppedEventsCount());
        PList<SpanLink> links = span.links();
        for (int i = 0, n = links.size(); i < n; i++) {
            startMessage(out, 13, cache);
            writeLink(out, links.get(i), cache);
        }
        writeUInt32(out, 14, span.droppedLinksCount());
        Status status = span.status();
        if (!isEmpty(status)) {
            startMessage(out, 15, cache);
            writeString(out, 2, status.message());
            if (status.code().number() != 0) {
                out.writeEnum(3, status.code().number());
            }
        }
        if (span.flags() != 0) {
            out.writeFixed32(16, span.flags());
        }
    }

    private static int eventSize(SpanEvent event, SizeCache cache) {
        return fixed64Size(1, event.timeUnixNano() != 0)
                + nameSize(2, event.name())
                + attributesSize(3, event.attributes(), cache)
                + uint32Size(4, event.droppedAttributesCount());
    }

    private static void writeEvent(ProtoWriter out, SpanEvent event, SizeCache cache) {
        writeFixed64(out, 1, event.timeUnixNano());
        writeName(out, 2, event.name());
        writeAttributes(out, 3, event.attributes(), cache);
        writeUInt32(out, 4, event.droppedAttributesCount());
    }

    private static int linkSize(SpanLink link, SizeCache cache) {
        return traceIdSize(1, link.traceId())
                + spanIdSize(2, link.spanId())
                + stringSize(3, link.traceState())
                + attributesSize(4, link.attributes(), cache)
                + uint32Size(5, link.droppedAttributesCount())
                + (link.flags() == 0 ? 0 : 5); // fixed32 field 6
    }

    private static void writeLink(ProtoWriter out, SpanLink link, SizeCache cache) {
        writeTraceId(out, 1, link.traceId());
        writeSpanId(out, 2, link.spanId());
        writeString(out, 3, link.traceState());
        writeAttributes(out, 4, link.attributes(), cache);
        writeUInt32(out, 5, link.droppedAttributesCount());
        if (link.flags() != 0) {
            out.writeFixed32(6, link.flags());
        }
    }

    private static boolean isEmpty(Status status) {
        return status.code().number() == 0 && status.message().isEmpty();
    }

    private static int statusSize(Status status) {
        return stringSize(2, status.message())
                + (status.code().number() == 0 ? 0 : computeEnumSize(3, status.code().number()));
    }
}
