package io.otelier.pdata;

import io.otelier.pdata.logs.ResourceLogs;

/** A batch of log records: the root of a log tree, OTLP's {@code ExportLogsServiceRequest}. */
public final class Logs extends TreeNode implements Telemetry {

    private final PList<ResourceLogs> resourceLogs = adopt(new PList<>(ResourceLogs::new, ResourceLogs::copyTo));

    /** An empty, mutable batch. */
    public Logs() {
    }

    public PList<ResourceLogs> resourceLogs() {
        return resourceLogs;
    }

    /** Number of log records in the whole batch. */
    public int logRecordCount() {
        int count = 0;
        for (int i = 0, n = resourceLogs.size(); i < n; i++) {
            count += resourceLogs.get(i).logRecordCount();
        }
        return count;
    }

    @Override
    public int itemCount() {
        return logRecordCount();
    }

    /** True when there is no resource at all (a resource without log records still counts as content). */
    @Override
    public boolean isEmpty() {
        return resourceLogs.isEmpty();
    }

    @Override
    public void markReadOnly() {
        markSubtreeReadOnly();
    }

    @Override
    public Logs deepCopy() {
        Logs copy = new Logs();
        copyTo(copy);
        return copy;
    }

    /** Overwrites {@code dest} with a deep copy of this batch. */
    public void copyTo(Logs dest) {
        resourceLogs.copyTo(dest.resourceLogs);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Logs that && resourceLogs.equals(that.resourceLogs);
    }

    @Override
    public int hashCode() {
        return resourceLogs.hashCode();
    }

    @Override
    public String toString() {
        return "Logs" + resourceLogs;
    }
}
