package io.otelier.pdata.common;

import io.otelier.pdata.TreeNode;
import java.util.List;
import java.util.Objects;

/**
 * A reference from a resource to an entity it describes: OTLP's {@code EntityRef} (development status in
 * opentelemetry-proto 1.8+). The entity's identifying and descriptive attributes are the resource attributes
 * named by {@link #idKeys()} and {@link #descriptionKeys()}.
 */
public final class EntityRef extends TreeNode {

    private String schemaUrl = "";
    private String type = "";
    private List<String> idKeys = List.of();
    private List<String> descriptionKeys = List.of();

    /** A standalone, mutable, empty reference. */
    public EntityRef() {
    }

    public String schemaUrl() {
        return schemaUrl;
    }

    public EntityRef setSchemaUrl(String schemaUrl) {
        checkWritable();
        this.schemaUrl = Objects.requireNonNull(schemaUrl, "schemaUrl");
        return this;
    }

    /** The entity type, e.g. "service" or "host". */
    public String type() {
        return type;
    }

    public EntityRef setType(String type) {
        checkWritable();
        this.type = Objects.requireNonNull(type, "type");
        return this;
    }

    /** Keys of the resource attributes that identify the entity (unmodifiable). */
    public List<String> idKeys() {
        return idKeys;
    }

    /** Copies {@code keys}. */
    public EntityRef setIdKeys(List<String> keys) {
        checkWritable();
        idKeys = List.copyOf(keys);
        return this;
    }

    /** Keys of the resource attributes that describe the entity (unmodifiable). */
    public List<String> descriptionKeys() {
        return descriptionKeys;
    }

    /** Copies {@code keys}. */
    public EntityRef setDescriptionKeys(List<String> keys) {
        checkWritable();
        descriptionKeys = List.copyOf(keys);
        return this;
    }

    public void copyTo(EntityRef dest) {
        dest.checkWritable();
        dest.schemaUrl = schemaUrl;
        dest.type = type;
        dest.idKeys = idKeys; // immutable lists
        dest.descriptionKeys = descriptionKeys;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof EntityRef that
                && schemaUrl.equals(that.schemaUrl) && type.equals(that.type)
                && idKeys.equals(that.idKeys) && descriptionKeys.equals(that.descriptionKeys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schemaUrl, type, idKeys, descriptionKeys);
    }

    @Override
    public String toString() {
        return "EntityRef{type=" + type + ", schemaUrl=" + schemaUrl + ", idKeys=" + idKeys
                + ", descriptionKeys=" + descriptionKeys + "}";
    }
}
