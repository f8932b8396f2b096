package io.otelier.pdata;

import io.otelier.pdata.internal.Received;
import io.otelier.pdata.logs.ResourceLogs;

/** A batch of log records: the root of a log tree, OTLP's {@code ExportLogsServiceRequest}. */
public final class Logs extends RootNode<ResourceLogs> {

    /** An empty, mutable batch. */
    public Logs() {
        super(new PList<>(ResourceLogs::new, ResourceLogs::copyTo));
    }

    @Override
    Logs newEmpty() {
        return new Logs();
    }

    public PList<ResourceLogs> resourceLogs() {
        return resourceList();
    }

    /** Number of log records in the whole batch. */
    public int logRecordCount() {
        Received bytes = received();
        if (bytes != null) {
            return bytes.items();
        }
        PList<ResourceLogs> resourceLogs = resourceList();
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

    @Override
    public Logs deepCopy() {
        Logs copy = new Logs();
        copyTo(copy);
        return copy;
    }

    /** Overwrites {@code dest} with a deep copy of this batch. */
    public void copyTo(Logs dest) {
        copyInto(dest);
    }

    /**
     * Appends every resource of this batch to {@code dest} and leaves this one empty (upstream's
     * MoveAndAppendTo); batches still held as received bytes are joined without decoding them.
     */
    public void moveAllTo(Logs dest) {
        moveAll(dest);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Logs that && sameResources(that);
    }

    @Override
    public int hashCode() {
        return resourceList().hashCode();
    }

    @Override
    public String toString() {
        return "Logs" + resourceList();
    }
}
