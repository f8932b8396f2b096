package io.otelier.pdata.trace;

import io.otelier.pdata.PList;
import io.otelier.pdata.TreeNode;
import io.otelier.pdata.common.Attributes;
import io.otelier.pdata.common.SpanId;
import io.otelier.pdata.common.TraceId;
import java.util.Objects;

/** A single operation within a trace: OTLP's {@code Span}. */
public final class Span extends TreeNode {

    private TraceId traceId = TraceId.EMPTY;
    private SpanId spanId = SpanId.EMPTY;
    private String traceState = "";
    private SpanId parentSpanId = SpanId.EMPTY;
    private int flags;
    private String name = "";
    private SpanKind kind = SpanKind.UNSPECIFIED;
    private long startTimeUnixNano;
    private long endTimeUnixNano;
    private final Attributes attributes = adopt(new Attributes());
    private int droppedAttributesCount;
    private final PList<SpanEvent> events = adopt(new PList<>(SpanEvent::new, SpanEvent::copyTo));
    private int droppedEventsCount;
    private final PList<SpanLink> links = adopt(new PList<>(SpanLink::new, SpanLink::copyTo));
    private int droppedLinksCount;
    private final Status status = adopt(new Status());

    /** A standalone, mutable, empty span. */
    public Span() {
    }

    public TraceId traceId() {
        return traceId;
    }

    public Span setTraceId(TraceId traceId) {
        checkWritable();
        this.traceId = Objects.requireNonNull(traceId, "traceId");
        return this;
    }

    public SpanId spanId() {
        return spanId;
    }

    public Span setSpanId(SpanId spanId) {
        checkWritable();
        this.spanId = Objects.requireNonNull(spanId, "spanId");
        return this;
    }

    public String traceState() {
        return traceState;
    }

    public Span setTraceState(String traceState) {
        checkWritable();
        this.traceState = Objects.requireNonNull(traceState, "traceState");
        return this;
    }

    public SpanId parentSpanId() {
        return parentSpanId;
    }

    public Span setParentSpanId(SpanId parentSpanId) {
        checkWritable();
        this.parentSpanId = Objects.requireNonNull(parentSpanId, "parentSpanId");
        return this;
    }

    /** fixed32 on the wire: W3C trace flags in the low byte, OTLP flags above. */
    public int flags() {
        return flags;
    }

    public Span setFlags(long flags) {
        checkWritable();
        this.flags = checkUint32(flags, "flags");
        return this;
    }

    public String name() {
        return name;
    }

    public Span setName(String name) {
        checkWritable();
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    public SpanKind kind() {
        return kind;
    }

    public Span setKind(SpanKind kind) {
        checkWritable();
        this.kind = Objects.requireNonNull(kind, "kind");
        return this;
    }

    public long startTimeUnixNano() {
        return startTimeUnixNano;
    }

    public Span setStartTimeUnixNano(long startTimeUnixNano) {
        checkWritable();
        this.startTimeUnixNano = startTimeUnixNano;
        return this;
    }

    public long endTimeUnixNano() {
        return endTimeUnixNano;
    }

    public Span setEndTimeUnixNano(long endTimeUnixNano) {
        checkWritable();
        this.endTimeUnixNano = endTimeUnixNano;
        return this;
    }

    public Attributes attributes() {
        return attributes;
    }

    /** uint32 on the wire. */
    public int droppedAttributesCount() {
        return droppedAttributesCount;
    }

    public Span setDroppedAttributesCount(long count) {
        checkWritable();
        droppedAttributesCount = checkUint32(count, "droppedAttributesCount");
        return this;
    }

    public PList<SpanEvent> events() {
        return events;
    }

    /** uint32 on the wire. */
    public int droppedEventsCount() {
        return droppedEventsCount;
    }

    public Span setDroppedEventsCount(long count) {
        checkWritable();
        droppedEventsCount = checkUint32(count, "droppedEventsCount");
        return this;
    }

    public PList<SpanLink> links() {
        return links;
    }

    /** uint32 on the wire. */
    public int droppedLinksCount() {
        return droppedLinksCount;
    }

    public Span setDroppedLinksCount(long count) {
        checkWritable();
        droppedLinksCount = checkUint32(count, "droppedLinksCount");
        return this;
    }

    public Status status() {
        return status;
    }

    /** Overwrites {@code dest} with a deep copy of this span. */
    public void copyTo(Span dest) {
        dest.checkWritable();
        dest.traceId = traceId;
        dest.spanId = spanId;
        dest.traceState = traceState;
        dest.parentSpanId = parentSpanId;
        dest.flags = flags;
        dest.name = name;
        dest.kind = kind;
        dest.startTimeUnixNano = startTimeUnixNano;
        dest.endTimeUnixNano = endTimeUnixNano;
        attributes.copyTo(dest.attributes);
        dest.droppedAttributesCount = droppedAttributesCount;
        events.copyTo(dest.events);
        dest.droppedEventsCount = droppedEventsCount;
        links.copyTo(dest.links);
        dest.droppedLinksCount = droppedLinksCount;
        status.copyTo(dest.status);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Span that
                && traceId.equals(that.traceId) && spanId.equals(that.spanId)
                && traceState.equals(that.traceState) && parentSpanId.equals(that.parentSpanId)
                && flags == that.flags && name.equals(that.name) && kind == that.kind
                && startTimeUnixNano == that.startTimeUnixNano && endTimeUnixNano == that.endTimeUnixNano
                && droppedAttributesCount == that.droppedAttributesCount
                && droppedEventsCount == that.droppedEventsCount && droppedLinksCount == that.droppedLinksCount
                && attributes.equals(that.attributes) && events.equals(that.events) && links.equals(that.links)
                && status.equals(that.status);
    }

    @Override
    public int hashCode() {
        return Objects.hash(traceId, spanId, name, kind, startTimeUnixNano, endTimeUnixNano, attributes);
    }

    @Override
    public String toString() {
        return "Span{traceId=" + traceId + ", spanId=" + spanId + ", parentSpanId=" + parentSpanId
                + ", name=" + name + ", kind=" + kind + ", start=" + startTimeUnixNano + ", end=" + endTimeUnixNano
                + ", traceState=" + traceState + ", flags=" + flags + ", attributes=" + attributes
                + ", droppedAttributesCount=" + droppedAttributesCount + ", events=" + events
                + ", droppedEventsCount=" + droppedEventsCount + ", links=" + links
                + ", droppedLinksCount=" + droppedLinksCount + ", status=" + status + "}";
    }
}
