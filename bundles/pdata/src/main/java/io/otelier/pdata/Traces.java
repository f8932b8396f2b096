package io.otelier.pdata;

import io.otelier.pdata.trace.ResourceSpans;

/** A batch of spans: the root of a trace tree, OTLP's {@code ExportTraceServiceRequest}. */
public final class Traces extends TreeNode implements Telemetry {

    private final PList<ResourceSpans> resourceSpans = adopt(new PList<>(ResourceSpans::new, ResourceSpans::copyTo));

    /** An empty, mutable batch. */
    public Traces() {
    }

    public PList<ResourceSpans> resourceSpans() {
        return resourceSpans;
    }

    /** Number of spans in the whole batch. */
    public int spanCount() {
        int count = 0;
        for (int i = 0, n = resourceSpans.size(); i < n; i++) {
            count += resourceSpans.get(i).spanCount();
        }
        return count;
    }

    @Override
    public int itemCount() {
        return spanCount();
    }

    /** True when there is no resource at all (a resource without spans still counts as content). */
    @Override
    public boolean isEmpty() {
        return resourceSpans.isEmpty();
    }

    @Override
    public void markReadOnly() {
        markSubtreeReadOnly();
    }

    @Override
    public Traces deepCopy() {
        Traces copy = new Traces();
        copyTo(copy);
        return copy;
    }

    /** Overwrites {@code dest} with a deep copy of this batch. */
    public void copyTo(Traces dest) {
        resourceSpans.copyTo(dest.resourceSpans);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Traces that && resourceSpans.equals(that.resourceSpans);
    }

    @Override
    public int hashCode() {
        return resourceSpans.hashCode();
    }

    @Override
    public String toString() {
        return "Traces" + resourceSpans;
    }
}
