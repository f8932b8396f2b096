package io.otelier.pdata.trace;

import io.otelier.pdata.TreeNode;
import io.otelier.pdata.common.Attributes;
import io.otelier.pdata.common.SpanId;
import io.otelier.pdata.common.TraceId;
import java.util.Objects;

/** A pointer from a span to another span: OTLP's {@code Span.Link}. */
public final class SpanLink extends TreeNode {

    private TraceId traceId = TraceId.EMPTY;
    private SpanId spanId = SpanId.EMPTY;
    private String traceState = "";
    private final Attributes attributes = adopt(new Attributes());
    private int droppedAttributesCount;
    private int flags;

    /** A standalone, mutable, empty link. */
    public SpanLink() {
    }

    public TraceId traceId() {
        return traceId;
    }

    public SpanLink setTraceId(TraceId traceId) {
        checkWritable();
        this.traceId = Objects.requireNonNull(traceId, "traceId");
        return this;
    }

    public SpanId spanId() {
        return spanId;
    }

    public SpanLink setSpanId(SpanId spanId) {
        checkWritable();
        this.spanId = Objects.requireNonNull(spanId, "spanId");
        return this;
    }

    public String traceState() {
        return traceState;
    }

    public SpanLink setTraceState(String traceState) {
        checkWritable();
        this.traceState = Objects.requireNonNull(traceState, "traceState");
        return this;
    }

    public Attributes attributes() {
        return attributes;
    }

    /** uint32 on the wire. */
    public int droppedAttributesCount() {
        return droppedAttributesCount;
    }

    public SpanLink setDroppedAttributesCount(long count) {
        checkWritable();
        droppedAttributesCount = checkUint32(count, "droppedAttributesCount");
        return this;
    }

    /** fixed32 on the wire: W3C trace flags in the low byte, OTLP flags above. */
    public int flags() {
        return flags;
    }

    public SpanLink setFlags(long flags) {
        checkWritable();
        this.flags = checkUint32(flags, "flags");
        return this;
    }

    public void copyTo(SpanLink dest) {
        dest.checkWritable();
        dest.traceId = traceId;
        dest.spanId = spanId;
        dest.traceState = traceState;
        attributes.copyTo(dest.attributes);
        dest.droppedAttributesCount = droppedAttributesCount;
        dest.flags = flags;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof SpanLink that
                && traceId.equals(that.traceId) && spanId.equals(that.spanId) && traceState.equals(that.traceState)
                && droppedAttributesCount == that.droppedAttributesCount && flags == that.flags
                && attributes.equals(that.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(traceId, spanId, traceState, attributes, droppedAttributesCount, flags);
    }

    @Override
    public String toString() {
        return "SpanLink{traceId=" + traceId + ", spanId=" + spanId + ", traceState=" + traceState
                + ", attributes=" + attributes + ", droppedAttributesCount=" + droppedAttributesCount
                + ", flags=" + flags + "}";
    }
}
