package io.otelier.pdata.trace;

import io.otelier.pdata.TreeNode;
import io.otelier.pdata.common.Attributes;
import java.util.Objects;

/** A time-stamped event within a span: OTLP's {@code Span.Event}. */
public final class SpanEvent extends TreeNode {

    private long timeUnixNano;
    private String name = "";
    private final Attributes attributes = adopt(new Attributes());
    private int droppedAttributesCount;

    /** A standalone, mutable, empty event. */
    public SpanEvent() {
    }

    public long timeUnixNano() {
        return timeUnixNano;
    }

    public SpanEvent setTimeUnixNano(long timeUnixNano) {
        checkWritable();
        this.timeUnixNano = timeUnixNano;
        return this;
    }

    public String name() {
        return name;
    }

    public SpanEvent setName(String name) {
        checkWritable();
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    public Attributes attributes() {
        return attributes;
    }

    /** uint32 on the wire. */
    public int droppedAttributesCount() {
        return droppedAttributesCount;
    }

    public SpanEvent setDroppedAttributesCount(long count) {
        checkWritable();
        droppedAttributesCount = checkUint32(count, "droppedAttributesCount");
        return this;
    }

    public void copyTo(SpanEvent dest) {
        dest.checkWritable();
        dest.timeUnixNano = timeUnixNano;
        dest.name = name;
        attributes.copyTo(dest.attributes);
        dest.droppedAttributesCount = droppedAttributesCount;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof SpanEvent that
                && timeUnixNano == that.timeUnixNano && name.equals(that.name)
                && droppedAttributesCount == that.droppedAttributesCount && attributes.equals(that.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeUnixNano, name, attributes, droppedAttributesCount);
    }

    @Override
    public String toString() {
        return "SpanEvent{name=" + name + ", timeUnixNano=" + timeUnixNano + ", attributes=" + attributes
                + ", droppedAttributesCount=" + droppedAttributesCount + "}";
    }
}
