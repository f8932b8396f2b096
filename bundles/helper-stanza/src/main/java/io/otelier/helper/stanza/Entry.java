package io.otelier.helper.stanza;

import io.otelier.pdata.logs.SeverityNumber;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One log record on its way through the operators (upstream {@code entry.Entry}). Mutable and not
 * thread-safe: one operator works on it at a time.
 *
 * <p>Values in the body, attributes and resource are {@code String}, {@code Map<String,Object>},
 * {@code List<Object>}, {@code Long}, {@code Double}, {@code Boolean}, {@code byte[]} or {@code null}.
 * Timestamps are unix nanos; {@code 0} means unset (Go's zero time).
 */
public final class Entry {

    private long observedTimestamp;
    private long timestamp;
    private Object body;
    private Map<String, Object> attributes;
    private Map<String, Object> resource;
    private SeverityNumber severity = SeverityNumber.UNSPECIFIED;
    private String severityText = "";
    private byte[] traceId;
    private byte[] spanId;
    private byte[] traceFlags;
    private String scopeName = "";

    /** An empty entry observed now. */
    public Entry() {
        this.observedTimestamp = nowNanos();
    }

    /** An entry with this body, observed now. */
    public Entry(Object body) {
        this();
        this.body = body;
    }

    public static long nowNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    public long observedTimestamp() {
        return observedTimestamp;
    }

    public Entry setObservedTimestamp(long unixNanos) {
        this.observedTimestamp = unixNanos;
        return this;
    }

    public long timestamp() {
        return timestamp;
    }

    public Entry setTimestamp(long unixNanos) {
        this.timestamp = unixNanos;
        return this;
    }

    public Object body() {
        return body;
    }

    public Entry setBody(Object body) {
        this.body = body;
        return this;
    }

    /** The attributes, or {@code null} when none were ever set (upstream's nil map). */
    public Map<String, Object> attributes() {
        return attributes;
    }

    /** The attributes, created empty when missing. */
    public Map<String, Object> attributesOrCreate() {
        if (attributes == null) {
            attributes = new LinkedHashMap<>();
        }
        return attributes;
    }

    public Entry setAttributes(Map<String, Object> attributes) {
        this.attributes = attributes;
        return this;
    }

    public Entry addAttribute(String key, Object value) {
        attributesOrCreate().put(key, value);
        return this;
    }

    /** The resource, or {@code null} when none were ever set. */
    public Map<String, Object> resource() {
        return resource;
    }

    public Map<String, Object> resourceOrCreate() {
        if (resource == null) {
            resource = new LinkedHashMap<>();
        }
        return resource;
    }

    public Entry setResource(Map<String, Object> resource) {
        this.resource = resource;
        return this;
    }

    public Entry addResourceKey(String key, Object value) {
        resourceOrCreate().put(key, value);
        return this;
    }

    public SeverityNumber severity() {
        return severity;
    }

    public Entry setSeverity(SeverityNumber severity) {
        this.severity = severity == null ? SeverityNumber.UNSPECIFIED : severity;
        return this;
    }

    /** The severity text, {@code ""} when unset. */
    public String severityText() {
        return severityText;
    }

    public Entry setSeverityText(String severityText) {
        this.severityText = severityText == null ? "" : severityText;
        return this;
    }

    /** Trace id bytes (normally 16), or {@code null}. */
    public byte[] traceId() {
        return traceId;
    }

    public Entry setTraceId(byte[] traceId) {
        this.traceId = traceId;
        return this;
    }

    /** Span id bytes (normally 8), or {@code null}. */
    public byte[] spanId() {
        return spanId;
    }

    public Entry setSpanId(byte[] spanId) {
        this.spanId = spanId;
        return this;
    }

    /** Trace flags bytes (the first byte is used), or {@code null}. */
    public byte[] traceFlags() {
        return traceFlags;
    }

    public Entry setTraceFlags(byte[] traceFlags) {
        this.traceFlags = traceFlags;
        return this;
    }

    /** The instrumentation scope name, {@code ""} when unset. */
    public String scopeName() {
        return scopeName;
    }

    public Entry setScopeName(String scopeName) {
        this.scopeName = scopeName == null ? "" : scopeName;
        return this;
    }

    /** A deep copy: maps, lists and byte arrays are copied, so the copy can be changed independently. */
    public Entry copy() {
        Entry copy = new Entry();
        copy.observedTimestamp = observedTimestamp;
        copy.timestamp = timestamp;
        copy.body = copyValue(body);
        copy.attributes = copyMap(attributes);
        copy.resource = copyMap(resource);
        copy.severity = severity;
        copy.severityText = severityText;
        copy.traceId = traceId == null ? null : traceId.clone();
        copy.spanId = spanId == null ? null : spanId.clone();
        copy.traceFlags = traceFlags == null ? null : traceFlags.clone();
        copy.scopeName = scopeName;
        return copy;
    }

    /** A deep copy of one body/attribute value. */
    @SuppressWarnings("unchecked")
    public static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return copyMap((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(copyValue(element));
            }
            return copy;
        }
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        return value;
    }

    private static Map<String, Object> copyMap(Map<String, Object> map) {
        if (map == null) {
            return null;
        }
        Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
        map.forEach((k, v) -> copy.put(k, copyValue(v)));
        return copy;
    }

    @Override
    public String toString() {
        return "Entry{timestamp=" + timestamp + ", body=" + render(body) + ", attributes=" + attributes
                + ", resource=" + resource + ", severity=" + severity + ", severityText=" + severityText
                + ", scopeName=" + scopeName + "}";
    }

    private static String render(Object value) {
        return value instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(value);
    }
}
