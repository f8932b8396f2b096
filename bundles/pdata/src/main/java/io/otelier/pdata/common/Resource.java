package io.otelier.pdata.common;

import io.otelier.pdata.TreeNode;
import java.util.Objects;

/** The entity producing telemetry: OTLP's {@code Resource}. */
public final class Resource extends TreeNode {

    private final Attributes attributes = adopt(new Attributes());
    private int droppedAttributesCount;

    /** A standalone, mutable, empty resource. */
    public Resource() {
    }

    public Attributes attributes() {
        return attributes;
    }

    /** uint32 on the wire. */
    public int droppedAttributesCount() {
        return droppedAttributesCount;
    }

    public Resource setDroppedAttributesCount(long count) {
        checkWritable();
        droppedAttributesCount = checkUint32(count, "droppedAttributesCount");
        return this;
    }

    /** Overwrites {@code dest} with a deep copy of this resource. */
    public void copyTo(Resource dest) {
        dest.checkWritable();
        attributes.copyTo(dest.attributes);
        dest.droppedAttributesCount = droppedAttributesCount;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Resource that
                && droppedAttributesCount == that.droppedAttributesCount && attributes.equals(that.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(attributes, droppedAttributesCount);
    }

    @Override
    public String toString() {
        return "Resource{attributes=" + attributes + ", droppedAttributesCount=" + droppedAttributesCount + "}";
    }
}
