package io.otelier.pdata.common;

import io.otelier.pdata.TreeNode;
import java.util.Objects;

/** The library that produced telemetry: OTLP's {@code InstrumentationScope}. */
public final class InstrumentationScope extends TreeNode {

    private String name = "";
    private String version = "";
    private final Attributes attributes = adopt(new Attributes());
    private int droppedAttributesCount;

    /** A standalone, mutable, empty scope. */
    public InstrumentationScope() {
    }

    public String name() {
        return name;
    }

    public InstrumentationScope setName(String name) {
        checkWritable();
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    public String version() {
        return version;
    }

    public InstrumentationScope setVersion(String version) {
        checkWritable();
        this.version = Objects.requireNonNull(version, "version");
        return this;
    }

    public Attributes attributes() {
        return attributes;
    }

    /** uint32 on the wire. */
    public int droppedAttributesCount() {
        return droppedAttributesCount;
    }

    public InstrumentationScope setDroppedAttributesCount(long count) {
        checkWritable();
        droppedAttributesCount = checkUint32(count, "droppedAttributesCount");
        return this;
    }

    /** Overwrites {@code dest} with a deep copy of this scope. */
    public void copyTo(InstrumentationScope dest) {
        dest.checkWritable();
        dest.name = name;
        dest.version = version;
        attributes.copyTo(dest.attributes);
        dest.droppedAttributesCount = droppedAttributesCount;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof InstrumentationScope that
                && name.equals(that.name) && version.equals(that.version)
                && droppedAttributesCount == that.droppedAttributesCount && attributes.equals(that.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, attributes, droppedAttributesCount);
    }

    @Override
    public String toString() {
        return "InstrumentationScope{name=" + name + ", version=" + version + ", attributes=" + attributes
                + ", droppedAttributesCount=" + droppedAttributesCount + "}";
    }
}
