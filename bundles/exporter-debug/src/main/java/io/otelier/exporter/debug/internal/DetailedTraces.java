package io.otelier.exporter.debug.internal;

import io.otelier.pdata.PList;
import io.otelier.pdata.Traces;
import io.otelier.pdata.trace.ResourceSpans;
import io.otelier.pdata.trace.ScopeSpans;
import io.otelier.pdata.trace.Span;
import io.otelier.pdata.trace.SpanEvent;
import io.otelier.pdata.trace.SpanLink;

/** Detailed verbosity for traces: every field of every span (upstream internal/otlptext/traces.go). */
final class DetailedTraces {

    private DetailedTraces() {
    }

    static String marshal(Traces traces) {
        DetailBuffer buf = new DetailBuffer();
        for (int i = 0; i < traces.resourceSpans().size(); i++) {
            ResourceSpans resourceSpans = traces.resourceSpans().get(i);
            buf.line("ResourceSpans #" + i)
                    .line("Resource SchemaURL: " + resourceSpans.schemaUrl())
                    .attributes("Resource attributes", resourceSpans.resource().attributes());
            for (int j = 0; j < resourceSpans.scopeSpans().size(); j++) {
                ScopeSpans scopeSpans = resourceSpans.scopeSpans().get(j);
                buf.line("ScopeSpans #" + j)
                        .line("ScopeSpans SchemaURL: " + scopeSpans.schemaUrl())
                        .scope(scopeSpans.scope());
                for (int k = 0; k < scopeSpans.spans().size(); k++) {
                    appendSpan(buf, k, scopeSpans.spans().get(k));
                }
            }
        }
        return buf.toString();
    }

    private static void appendSpan(DetailBuffer buf, int index, Span span) {
        buf.line("Span #" + index)
                .field("Trace ID", ValueText.id(span.traceId()))
                .field("Parent ID", ValueText.id(span.parentSpanId()))
                .field("ID", ValueText.id(span.spanId()))
                .field("Name", span.name())
                .field("Kind", GoFormat.enumName(span.kind()));
        if (!span.traceState().isEmpty()) {
            buf.field("TraceState", span.traceState());
        }
        buf.field("Start time", GoFormat.timestamp(span.startTimeUnixNano()))
                .field("End time", GoFormat.timestamp(span.endTimeUnixNano()))
                .field("Status code", GoFormat.enumName(span.status().code()))
                .field("Status message", span.status().message())
                .field("DroppedAttributesCount", Integer.toUnsignedString(span.droppedAttributesCount()))
                .field("DroppedEventsCount", Integer.toUnsignedString(span.droppedEventsCount()))
                .field("DroppedLinksCount", Integer.toUnsignedString(span.droppedLinksCount()))
                .attributes("Attributes", span.attributes());
        appendEvents(buf, span.events());
        appendLinks(buf, span.links());
    }

    private static void appendEvents(DetailBuffer buf, PList<SpanEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        buf.line("Events:");
        for (int i = 0; i < events.size(); i++) {
            SpanEvent event = events.get(i);
            buf.line("SpanEvent #" + i)
                    .line("     -> Name: " + event.name())
                    .line("     -> Timestamp: " + GoFormat.timestamp(event.timeUnixNano()))
                    .line("     -> DroppedAttributesCount: " + Integer.toUnsignedString(event.droppedAttributesCount()))
                    .attributes("     -> Attributes:", event.attributes());
        }
    }

    private static void appendLinks(DetailBuffer buf, PList<SpanLink> links) {
        if (links.isEmpty()) {
            return;
        }
        buf.line("Links:");
        for (int i = 0; i < links.size(); i++) {
            SpanLink link = links.get(i);
            buf.line("SpanLink #" + i)
                    .line("     -> Trace ID: " + ValueText.id(link.traceId()))
                    .line("     -> ID: " + ValueText.id(link.spanId()))
                    .line("     -> TraceState: " + link.traceState())
                    .line("     -> DroppedAttributesCount: " + Integer.toUnsignedString(link.droppedAttributesCount()))
                    .attributes("     -> Attributes:", link.attributes());
        }
    }
}
