package io.otelier.pdata.trace;

import io.otelier.pdata.PList;
import io.otelier.pdata.TreeNode;
import io.otelier.pdata.common.Resource;
import java.util.Objects;

/** The spans of one resource, grouped by scope: OTLP's {@code ResourceSpans}. */
public final class ResourceSpans extends TreeNode {

    private final Resource resource = adopt(new Resource());
    private final PList<ScopeSpans> scopeSpans = adopt(new PList<>(ScopeSpans::new, ScopeSpans::copyTo));
    private String schemaUrl = "";

    /** A standalone, mutable, empty instance. */
    public ResourceSpans() {
    }

    public Resource resource() {
        return resource;
    }

    public PList<ScopeSpans> scopeSpans() {
        return scopeSpans;
    }

    public String schemaUrl() {
        return schemaUrl;
    }

    public ResourceSpans setSchemaUrl(String schemaUrl) {
        checkWritable();
        this.schemaUrl = Objects.requireNonNull(schemaUrl, "schemaUrl");
        return this;
    }

    /** Number of spans in all scopes. */
    public int spanCount() {
        int count = 0;
        for (int i = 0, n = scopeSpans.size(); i < n; i++) {
            count += scopeSpans.get(i).spans().size();
        }
        return count;
    }

    public void copyTo(ResourceSpans dest) {
        dest.checkWritable();
        resource.copyTo(dest.resource);
        scopeSpans.copyTo(dest.scopeSpans);
        dest.schemaUrl = schemaUrl;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ResourceSpans that
                && schemaUrl.equals(that.schemaUrl) && resource.equals(that.resource)
                && scopeSpans.equals(that.scopeSpans);
    }

    @Override
    public int hashCode() {
        return Objects.hash(resource, scopeSpans, schemaUrl);
    }

    @Override
    public String toString() {
        return "ResourceSpans{resource=" + resource + ", schemaUrl=" + schemaUrl + ", scopeSpans=" + scopeSpans + "}";
    }
}
