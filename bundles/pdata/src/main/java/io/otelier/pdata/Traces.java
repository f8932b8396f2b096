package io.otelier.pdata;

import io.otelier.pdata.internal.Received;
import io.otelier.pdata.trace.ResourceSpans;

/** A batch of spans: the root of a trace tree, OTLP's {@code ExportTraceServiceRequest}. */
public final class Traces extends RootNode<ResourceSpans> {

    /** An empty, mutable batch. */
    public Traces() {
        super(new PList<>(ResourceSpans::new, ResourceSpans::copyTo));
    }

    @Override
    Traces newEmpty() {
        return new Traces();
    }

    public PList<ResourceSpans> resourceSpans() {
        return resourceList();
    }

    /** Number of spans in the whole batch. */
    public int spanCount() {
        Received bytes = received();
        if (bytes != null) {
            return bytes.items();
        }
        PList<ResourceSpans> resourceSpans = resourceList();
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

    @Override
    public Traces deepCopy() {
        Traces copy = new Traces();
        copyTo(copy);
        return copy;
    }

    /** Overwrites {@code dest} with a deep copy of this batch. */
    public void copyTo(Traces dest) {
        copyInto(dest);
    }

    /**
     * Appends every resource of this batch to {@code dest} and leaves this one empty (upstream's
     * MoveAndAppendTo); batches still held as received bytes are joined without decoding them.
     */
    public void moveAllTo(Traces dest) {
        moveAll(dest);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Traces that && sameResources(that);
    }

    @Override
    public int hashCode() {
        return resourceList().hashCode();
    }

    @Override
    public String toString() {
        return "Traces" + resourceList();
    }
}
