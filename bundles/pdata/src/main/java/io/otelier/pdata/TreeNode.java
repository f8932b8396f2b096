package io.otelier.pdata;

import io.otelier.pdata.internal.RootAccess;

/**
 * Base of every mutable node of a telemetry tree. A node knows its owner (the node or list holding it), so a
 * mutation anywhere below a root marked read-only is refused: the Java counterpart of upstream pdata's shared
 * state pointer. Only the owner pointer of a moved node changes when it joins another tree, so moved subtrees
 * follow the read-only state of their new tree at no extra cost. A node created on its own (e.g. {@code new
 * Span()}) has no owner and is mutable.
 *
 * <p>Reads never check anything; every mutator calls {@link #checkWritable()} first.
 */
public abstract class TreeNode {

    static final String READ_ONLY_MESSAGE = "data is read-only: it is shared with other consumers;"
            + " a consumer that changes data must declare mutatesData() to get its own copy, or work on deepCopy()";

    static {
        RootAccess.register(new ReceivedRoots());
    }

    private TreeNode owner;
    private boolean readOnly;

    protected TreeNode() {
    }

    /** True when this node or any node above it was marked read-only. */
    public final boolean isReadOnly() {
        for (TreeNode node = this; node != null; node = node.owner) {
            if (node.readOnly) {
                return true;
            }
        }
        return false;
    }

    /** Throws {@link IllegalStateException} when this node belongs to a read-only tree. */
    protected final void checkWritable() {
        if (isReadOnly()) {
            throw new IllegalStateException(READ_ONLY_MESSAGE);
        }
    }

    /** Makes {@code child} part of this node's tree; returns it for use in field initialisers. */
    protected final <T extends TreeNode> T adopt(T child) {
        child.setOwner(this);
        return child;
    }

    /** Marks this node and everything below it read-only, for good (used by roots). */
    protected final void markSubtreeReadOnly() {
        readOnly = true;
    }

    final void setOwner(TreeNode owner) {
        this.owner = owner;
    }

    /** For uint32 fields: accepts any value that fits 32 bits, signed (as a Java int carries it) or unsigned. */
    protected static int checkUint32(long value, String field) {
        if (value < Integer.MIN_VALUE || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(field + " must fit 32 bits, got " + value);
        }
        return (int) value;
    }

    /** For int32/sint32 fields. */
    protected static int checkInt32(long value, String field) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + " must fit a signed 32-bit integer, got " + value);
        }
        return (int) value;
    }
}
