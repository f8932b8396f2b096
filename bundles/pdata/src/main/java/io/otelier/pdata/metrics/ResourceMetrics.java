package io.otelier.pdata.metrics;

import io.otelier.pdata.PList;
import io.otelier.pdata.TreeNode;
import io.otelier.pdata.common.Resource;
import java.util.Objects;

/** The metrics of one resource, grouped by scope: OTLP's {@code ResourceMetrics}. */
public final class ResourceMetrics extends TreeNode {

    private final Resource resource = adopt(new Resource());
    private final PList<ScopeMetrics> scopeMetrics = adopt(new PList<>(ScopeMetrics::new, ScopeMetrics::copyTo));
    private String schemaUrl = "";

    /** A standalone, mutable, empty instance. */
    public ResourceMetrics() {
    }

    public Resource resource() {
        return resource;
    }

    public PList<ScopeMetrics> scopeMetrics() {
        return scopeMetrics;
    }

    public String schemaUrl() {
        return schemaUrl;
    }

    public ResourceMetrics setSchemaUrl(String schemaUrl) {
        checkWritable();
        this.schemaUrl = Objects.requireNonNull(schemaUrl, "schemaUrl");
        return this;
    }

    /** Number of metrics in all scopes. */
    public int metricCount() {
        int count = 0;
        for (int i = 0, n = scopeMetrics.size(); i < n; i++) {
            count += scopeMetrics.get(i).metrics().size();
        }
        return count;
    }

    /** Number of data points in all scopes. */
    public int dataPointCount() {
        int count = 0;
        for (int i = 0, n = scopeMetrics.size(); i < n; i++) {
            count += scopeMetrics.get(i).dataPointCount();
        }
        return count;
    }

    public void copyTo(ResourceMetrics dest) {
        dest.checkWritable();
        resource.copyTo(dest.resource);
        scopeMetrics.copyTo(dest.scopeMetrics);
        dest.schemaUrl = schemaUrl;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ResourceMetrics that
                && schemaUrl.equals(that.schemaUrl) && resource.equals(that.resource)
                && scopeMetrics.equals(that.scopeMetrics);
    }

    @Override
    public int hashCode() {
        return Objects.hash(resource, scopeMetrics, schemaUrl);
    }

    @Override
    public String toString() {
        return "ResourceMetrics{resource=" + resource + ", schemaUrl=" + schemaUrl
                + ", scopeMetrics=" + scopeMetrics + "}";
    }
}
