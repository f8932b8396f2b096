package io.otelier.pdata.logs;

import io.otelier.pdata.PList;
import io.otelier.pdata.TreeNode;
import io.otelier.pdata.common.Resource;
import java.util.Objects;

/** The log records of one resource, grouped by scope: OTLP's {@code ResourceLogs}. */
public final class ResourceLogs extends TreeNode {

    private final Resource resource = adopt(new Resource());
    private final PList<ScopeLogs> scopeLogs = adopt(new PList<>(ScopeLogs::new, ScopeLogs::copyTo));
    private String schemaUrl = "";

    /** A standalone, mutable, empty instance. */
    public ResourceLogs() {
    }

    public Resource resource() {
        return resource;
    }

    public PList<ScopeLogs> scopeLogs() {
        return scopeLogs;
    }

    public String schemaUrl() {
        return schemaUrl;
    }

    public ResourceLogs setSchemaUrl(String schemaUrl) {
        checkWritable();
        this.schemaUrl = Objects.requireNonNull(schemaUrl, "schemaUrl");
        return this;
    }

    /** Number of log records in all scopes. */
    public int logRecordCount() {
        int count = 0;
        for (int i = 0, n = scopeLogs.size(); i < n; i++) {
            count += scopeLogs.get(i).logRecords().size();
        }
        return count;
    }

    public void copyTo(ResourceLogs dest) {
        dest.checkWritable();
        resource.copyTo(dest.resource);
        scopeLogs.copyTo(dest.scopeLogs);
        dest.schemaUrl = schemaUrl;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ResourceLogs that
                && schemaUrl.equals(that.schemaUrl) && resource.equals(that.resource)
                && scopeLogs.equals(that.scopeLogs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(resource, scopeLogs, schemaUrl);
    }

    @Override
    public String toString() {
        return "ResourceLogs{resource=" + resource + ", schemaUrl=" + schemaUrl + ", scopeLogs=" + scopeLogs + "}";
    }
}
