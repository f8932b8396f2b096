package io.otelier.pdata.logs;

import io.otelier.pdata.TreeNode;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.Attributes;
import io.otelier.pdata.common.SpanId;
import io.otelier.pdata.common.TraceId;
import java.util.Objects;

/** One log record: OTLP's {@code LogRecord}. */
public final class LogRecord extends TreeNode {

    private long timeUnixNano;
    private long observedTimeUnixNano;
    private SeverityNumber severityNumber = SeverityNumber.UNSPECIFIED;
    private String severityText = "";
    private AnyValue body = AnyValue.empty();
    private final Attributes attributes = adopt(new Attributes());
    private int droppedAttributesCount;
    private int flags;
    private TraceId traceId = TraceId.EMPTY;
    private SpanId spanId = SpanId.EMPTY;
    private String eventName = "";

    /** A standalone, mutable, empty record. */
    public LogRecord() {
    }

    public long timeUnixNano() {
        return timeUnixNano;
    }

    public LogRecord setTimeUnixNano(long timeUnixNano) {
        checkWritable();
        this.timeUnixNano = timeUnixNano;
        return this;
    }

    public long observedTimeUnixNano() {
        return observedTimeUnixNano;
    }

    public LogRecord setObservedTimeUnixNano(long observedTimeUnixNano) {
        checkWritable();
        this.observedTimeUnixNano = observedTimeUnixNano;
        return this;
    }

    public SeverityNumber severityNumber() {
        return severityNumber;
    }

    public LogRecord setSeverityNumber(SeverityNumber severityNumber) {
        checkWritable();
        this.severityNumber = Objects.requireNonNull(severityNumber, "severityNumber");
        return this;
    }

    public String severityText() {
        return severityText;
    }

    public LogRecord setSeverityText(String severityText) {
        checkWritable();
        this.severityText = Objects.requireNonNull(severityText, "severityText");
        return this;
    }

    public AnyValue body() {
        return body;
    }

    public LogRecord setBody(AnyValue body) {
        checkWritable();
        this.body = Objects.requireNonNull(body, "body");
        return this;
    }

    public Attributes attributes() {
        return attributes;
    }

    /** uint32 on the wire. */
    public int droppedAttributesCount() {
        return droppedAttributesCount;
    }

    public LogRecord setDroppedAttributesCount(long count) {
        checkWritable();
        droppedAttributesCount = checkUint32(count, "droppedAttributesCount");
        return this;
    }

    /** fixed32 on the wire: W3C trace flags in the low byte. */
    public int flags() {
        return flags;
    }

    public LogRecord setFlags(long flags) {
        checkWritable();
        this.flags = checkUint32(flags, "flags");
        return this;
    }

    public TraceId traceId() {
        return traceId;
    }

    public LogRecord setTraceId(TraceId traceId) {
        checkWritable();
        this.traceId = Objects.requireNonNull(traceId, "traceId");
        return this;
    }

    public SpanId spanId() {
        return spanId;
    }

    public LogRecord setSpanId(SpanId spanId) {
        checkWritable();
        this.spanId = Objects.requireNonNull(spanId, "spanId");
        return this;
    }

    public String eventName() {
        return eventName;
    }

    public LogRecord setEventName(String eventName) {
        checkWritable();
        this.eventName = Objects.requireNonNull(eventName, "eventName");
        return this;
    }

    /** Overwrites {@code dest} with a deep copy of this record (the body is immutable, so it is shared). */
    public void copyTo(LogRecord dest) {
        dest.checkWritable();
        dest.timeUnixNano = timeUnixNano;
        dest.observedTimeUnixNano = observedTimeUnixNano;
        dest.severityNumber = severityNumber;
        dest.severityText = severityText;
        dest.body = body;
        attributes.copyTo(dest.attributes);
        dest.droppedAttributesCount = droppedAttributesCount;
        dest.flags = flags;
        dest.traceId = traceId;
        dest.spanId = spanId;
        dest.eventName = eventName;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof LogRecord that
                && timeUnixNano == that.timeUnixNano && observedTimeUnixNano == that.observedTimeUnixNano
                && severityNumber == that.severityNumber && severityText.equals(that.severityText)
                && body.equals(that.body) && droppedAttributesCount == that.droppedAttributesCount
                && flags == that.flags && traceId.equals(that.traceId) && spanId.equals(that.spanId)
                && eventName.equals(that.eventName) && attributes.equals(that.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeUnixNano, observedTimeUnixNano, severityNumber, severityText, body, attributes,
                traceId, spanId, eventName);
    }

    @Override
    public String toString() {
        return "LogRecord{time=" + timeUnixNano + ", observedTime=" + observedTimeUnixNano
                + ", severityNumber=" + severityNumber + ", severityText=" + severityText + ", body=" + body
                + ", attributes=" + attributes + ", droppedAttributesCount=" + droppedAttributesCount
                + ", flags=" + flags + ", traceId=" + traceId + ", spanId=" + spanId
                + ", eventName=" + eventName + "}";
    }
}
