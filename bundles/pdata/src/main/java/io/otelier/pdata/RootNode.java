package io.otelier.pdata;

import io.otelier.pdata.internal.Received;

/**
 * What the three roots ({@link Traces}, {@link Metrics}, {@link Logs}) share: the list of resources, and the
 * received protobuf bytes a root may stand for until someone first reads it (see {@link Received}). Reading the
 * resource list decodes them once, under a lock, also for a read-only (shared) root; counting, copying and
 * moving whole roots do not need to.
 *
 * @param <E> the resource type
 */
abstract class RootNode<E extends TreeNode> extends TreeNode implements Telemetry {

    private final PList<E> resources;
    private volatile Received received;

    RootNode(PList<E> resources) {
        this.resources = adopt(resources);
    }

    /** A new, empty root of the same signal. */
    abstract RootNode<E> newEmpty();

    /** The resource list, decoded from the received bytes first if need be. */
    final PList<E> resourceList() {
        if (received != null) {
            decodeReceived();
        }
        return resources;
    }

    private synchronized void decodeReceived() {
        Received bytes = received;
        if (bytes == null) {
            return;
        }
        RootNode<E> decoded = newEmpty();
        bytes.decodeInto(decoded);
        resources.adoptAllDecoded(decoded.resources);
        received = null;
    }

    final Received received() {
        return received;
    }

    final void attach(Received bytes) {
        if (received != null || !resources.isEmpty()) {
            throw new IllegalStateException("only a new, empty root can stand for received bytes");
        }
        received = bytes;
    }

    /** True when there is no resource at all (a resource without items still counts as content). */
    @Override
    public final boolean isEmpty() {
        Received bytes = received;
        return bytes != null ? bytes.resources() == 0 : resources.isEmpty();
    }

    @Override
    public final void markReadOnly() {
        markSubtreeReadOnly();
    }

    /** Overwrites {@code dest} with a deep copy of this root; received bytes are shared, not copied. */
    final void copyInto(RootNode<E> dest) {
        if (dest == this) {
            return;
        }
        dest.checkWritable();
        Received bytes = received;
        dest.received = null; // what dest held is overwritten either way: no need to decode it
        if (bytes != null) {
            dest.resources.clear();
            dest.received = bytes;
        } else {
            resources.copyTo(dest.resources);
        }
    }

    /**
     * Appends everything of this root to {@code dest}, leaving this one empty (upstream's MoveAndAppendTo). When
     * both still hold received bytes, or {@code dest} is empty, the bytes are joined without decoding.
     */
    final void moveAll(RootNode<E> dest) {
        if (dest == this) {
            return;
        }
        checkWritable();
        dest.checkWritable();
        Received mine = received;
        if (mine != null) {
            Received theirs = dest.received;
            Received joined = theirs != null ? theirs.append(mine)
                    : dest.resources.isEmpty() ? mine : null;
            if (joined != null) {
                dest.received = joined;
                received = null;
                return;
            }
        }
        resourceList().moveAllTo(dest.resourceList());
    }

    final boolean sameResources(RootNode<E> other) {
        return resourceList().equals(other.resourceList());
    }
}
