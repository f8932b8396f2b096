package io.otelier.pdata.common;

import io.otelier.pdata.PList;
import io.otelier.pdata.TreeNode;
import java.util.Objects;

/** The entity producing telemetry: OTLP's {@code Resource}. */
public final class Resource extends TreeNode {

    private final Attributes attributes = adopt(new Attributes());
    private int droppedAttributesCount;
    private final PList<EntityRef> entityRefs = adopt(new PList<>(EntityRef::new, EntityRef::copyTo));

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

    /** The entities this resource describes (OTLP's {@code entity_refs}, development status). */
    public PList<EntityRef> entityRefs() {
        return entityRefs;
    }

    /** Overwrites {@code dest} with a deep copy of this resource. */
    public void copyTo(Resource dest) {
        dest.checkWritable();
        attributes.copyTo(dest.attributes);
        dest.droppedAttributesCount = droppedAttributesCount;
        entityRefs.copyTo(dest.entityRefs);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Resource that
                && droppedAttributesCount == that.droppedAttributesCount && attributes.equals(that.attributes)
                && entityRefs.equals(that.entityRefs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(attributes, droppedAttributesCount, entityRefs);
    }

    @Override
    public String toString() {
        return "Resource{attributes=" + attributes + ", droppedAttributesCount=" + droppedAttributesCount
                + (entityRefs.isEmpty() ? "" : ", entityRefs=" + entityRefs) + "}";
    }
}
