package io.otelier.pdata.metrics;

import io.otelier.pdata.TreeNode;
import io.otelier.pdata.common.Attributes;
import java.util.Objects;

/**
 * What every kind of data point has: attributes, start and observation time, flags. Typed by the concrete point
 * so that setters chain: {@code point.setTimeUnixNano(t).setDoubleValue(1.5)}.
 *
 * @param <P> the concrete point type
 */
public abstract sealed class DataPoint<P extends DataPoint<P>> extends TreeNode
        permits NumberDataPoint, HistogramDataPoint, ExponentialHistogramDataPoint, SummaryDataPoint {

    /** OTLP's DataPointFlags.FLAG_NO_RECORDED_VALUE: the point marks a gap, it carries no value. */
    public static final int FLAG_NO_RECORDED_VALUE = 1;

    private final Attributes attributes = adopt(new Attributes());
    private long startTimeUnixNano;
    private long timeUnixNano;
    private int flags;

    DataPoint() {
    }

    @SuppressWarnings("unchecked")
    final P self() {
        return (P) this;
    }

    public final Attributes attributes() {
        return attributes;
    }

    public final long startTimeUnixNano() {
        return startTimeUnixNano;
    }

    public final P setStartTimeUnixNano(long startTimeUnixNano) {
        checkWritable();
        this.startTimeUnixNano = startTimeUnixNano;
        return self();
    }

    public final long timeUnixNano() {
        return timeUnixNano;
    }

    public final P setTimeUnixNano(long timeUnixNano) {
        checkWritable();
        this.timeUnixNano = timeUnixNano;
        return self();
    }

    /** uint32 on the wire; see {@link #FLAG_NO_RECORDED_VALUE}. */
    public final int flags() {
        return flags;
    }

    public final P setFlags(long flags) {
        checkWritable();
        this.flags = checkUint32(flags, "flags");
        return self();
    }

    /** True when {@link #FLAG_NO_RECORDED_VALUE} is set. */
    public final boolean noRecordedValue() {
        return (flags & FLAG_NO_RECORDED_VALUE) != 0;
    }

    /** Overwrites {@code dest} with a deep copy of this point. */
    public abstract void copyTo(P dest);

    final void copyCommonTo(DataPoint<P> dest) {
        dest.checkWritable();
        attributes.copyTo(dest.attributes);
        dest.startTimeUnixNano = startTimeUnixNano;
        dest.timeUnixNano = timeUnixNano;
        dest.flags = flags;
    }

    final boolean commonEquals(DataPoint<?> that) {
        return startTimeUnixNano == that.startTimeUnixNano && timeUnixNano == that.timeUnixNano
                && flags == that.flags && attributes.equals(that.attributes);
    }

    final int commonHash() {
        return Objects.hash(attributes, startTimeUnixNano, timeUnixNano, flags);
    }

    final String commonFields() {
        return "attributes=" + attributes + ", start=" + startTimeUnixNano + ", time=" + timeUnixNano
                + ", flags=" + flags;
    }
}
