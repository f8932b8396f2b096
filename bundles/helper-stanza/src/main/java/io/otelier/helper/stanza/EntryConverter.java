package io.otelier.helper.stanza;

import io.otelier.pdata.Logs;
import io.otelier.pdata.PList;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.Attributes;
import io.otelier.pdata.common.KeyValue;
import io.otelier.pdata.common.SpanId;
import io.otelier.pdata.common.TraceId;
import io.otelier.pdata.logs.LogRecord;
import io.otelier.pdata.logs.ResourceLogs;
import io.otelier.pdata.logs.ScopeLogs;
import io.otelier.pdata.logs.SeverityNumber;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Entries to pdata as upstream's {@code adapter.ConvertEntries}: one ResourceLogs per distinct resource
 * (first-seen order), one ScopeLogs per scope name within it; an empty scope name becomes the receiver's
 * default scope name and version (upstream's {@code pkg.stanza.addDefaultScopeName} gate, beta: on).
 */
public final class EntryConverter {

    /** Upstream's default scope name for stanza receivers that name none. */
    public static final String DEFAULT_SCOPE_NAME =
            "github.com/open-telemetry/opentelemetry-collector-contrib/pkg/stanza";

    private EntryConverter() {
    }

    public static Logs convert(List<Entry> entries, String defaultScopeName, String defaultScopeVersion) {
        Logs logs = new Logs();
        Map<ResourceKey, ResourceLogs> resources = new HashMap<>();
        Map<ResourceKey, Map<String, ScopeLogs>> scopes = new HashMap<>();
        // records are filled in lists of their own, outside the tree (each setter checks that the tree it belongs to
        // is writable, walking up to its root), and moved into their scopes at the end
        Map<ScopeLogs, PList<LogRecord>> records = new IdentityHashMap<>(); // scopes compare by content
        LastAttributes lastAttributes = new LastAttributes();
        // entries of one file share their resource map and scope name: the previous entry's group is reused then
        Map<String, Object> lastResource = null;
        String lastScopeName = null;
        PList<LogRecord> lastRecords = null;
        for (Entry entry : entries) {
            if (lastRecords != null && entry.resource() == lastResource && entry.scopeName().equals(lastScopeName)) {
                convertInto(entry, lastRecords.addNew(), lastAttributes);
                continue;
            }
            ResourceKey key = new ResourceKey(entry.resource());
            ResourceLogs rl = resources.get(key);
            if (rl == null) {
                rl = logs.resourceLogs().addNew();
                putAll(entry.resource(), rl.resource().attributes());
                resources.put(key, rl);
                scopes.put(key, new HashMap<>());
            }
            Map<String, ScopeLogs> byName = scopes.get(key);
            ScopeLogs sl = byName.get(entry.scopeName());
            if (sl == null) {
                sl = rl.scopeLogs().addNew();
                if (entry.scopeName().isEmpty()) {
                    sl.scope().setName(defaultScopeName == null ? "" : defaultScopeName);
                    sl.scope().setVersion(defaultScopeVersion == null ? "" : defaultScopeVersion);
                } else {
                    sl.scope().setName(entry.scopeName());
                }
                byName.put(entry.scopeName(), sl);
            }
            PList<LogRecord> list = records.computeIfAbsent(sl, s -> detachedRecords(entries.size()));
            convertInto(entry, list.addNew(), lastAttributes);
            lastResource = entry.resource();
            lastScopeName = entry.scopeName();
            lastRecords = list;
        }
        records.forEach((scope, list) -> list.moveAllTo(scope.logRecords()));
        return logs;
    }

    private static PList<LogRecord> detachedRecords(int capacity) {
        PList<LogRecord> list = new PList<>(LogRecord::new, LogRecord::copyTo);
        list.ensureCapacity(capacity);
        return list;
    }

    private static void convertInto(Entry entry, LogRecord record, LastAttributes lastAttributes) {
        if (entry.timestamp() != 0) {
            record.setTimeUnixNano(entry.timestamp());
        }
        record.setObservedTimeUnixNano(entry.observedTimestamp());
        // a new record has no severity: only a set one is written (each setter checks the tree is writable)
        if (entry.severity() != SeverityNumber.UNSPECIFIED) {
            record.setSeverityNumber(entry.severity());
        }
        if (!entry.severityText().isEmpty()) {
            record.setSeverityText(entry.severityText());
        } else if (entry.severity() != SeverityNumber.UNSPECIFIED) {
            record.setSeverityText(entry.severity().name());
        }
        if (entry.attributes() != null) {
            lastAttributes.putInto(entry.attributes(), record.attributes());
        }
        if (entry.body() != null) {
            record.setBody(toValue(entry.body()));
        }
        if (entry.traceId() != null) {
            record.setTraceId(TraceId.fromBytes(Arrays.copyOf(entry.traceId(), 16)));
        }
        if (entry.spanId() != null) {
            record.setSpanId(SpanId.fromBytes(Arrays.copyOf(entry.spanId(), 8)));
        }
        if (entry.traceFlags() != null && entry.traceFlags().length > 0) {
            record.setFlags(entry.traceFlags()[0] & 0xff);
        }
    }

    private static void putAll(Map<String, Object> values, Attributes dest) {
        if (values == null) {
            return;
        }
        values.forEach((k, v) -> dest.put(k, toValue(v)));
    }

    /** One body/attribute value as an AnyValue (null becomes empty; anything else unknown its string form). */
    @SuppressWarnings("unchecked")
    public static AnyValue toValue(Object value) {
        if (value == null) {
            return AnyValue.empty();
        }
        if (value instanceof String s) {
            return AnyValue.of(s);
        }
        if (value instanceof Boolean b) {
            return AnyValue.of(b);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return AnyValue.of(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return AnyValue.of(((Number) value).doubleValue());
        }
        if (value instanceof byte[] bytes) {
            return AnyValue.ofBytes(bytes);
        }
        if (value instanceof Map<?, ?> map) {
            List<KeyValue> kvs = new ArrayList<>(map.size());
            ((Map<String, Object>) map).forEach((k, v) -> kvs.add(new KeyValue(k, toValue(v))));
            return AnyValue.ofKvList(kvs);
        }
        if (value instanceof List<?> list) {
            List<AnyValue> values = new ArrayList<>(list.size());
            for (Object element : list) {
                values.add(toValue(element));
            }
            return AnyValue.ofArray(values);
        }
        return AnyValue.of(String.valueOf(value));
    }

    /**
     * The attributes of one batch's entries: entries of one file usually share one map object (the file's
     * attributes), converted once and then copied from the record that has them, values included (AnyValues are
     * immutable), without going through the map again.
     */
    private static final class LastAttributes {
        private Map<String, Object> map;
        private Attributes converted;

        void putInto(Map<String, Object> attributes, Attributes dest) {
            if (attributes == map) {
                dest.putAll(converted);
                return;
            }
            attributes.forEach((k, v) -> dest.put(k, toValue(v)));
            map = attributes;
            converted = dest;
        }
    }

    /** Resource identity: equal maps (by sorted key and value) group together, as upstream's hash. */
    private static final class ResourceKey {
        private final Map<String, Object> sorted;
        private final int hash;

        ResourceKey(Map<String, Object> resource) {
            this.sorted = resource == null || resource.isEmpty() ? Map.of() : new TreeMap<>(resource);
            this.hash = deepHash(sorted);
        }

        private static int deepHash(Object v) {
            if (v instanceof byte[] b) {
                return Arrays.hashCode(b);
            }
            if (v instanceof Map<?, ?> m) {
                int h = 0;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    h += e.getKey().hashCode() ^ deepHash(e.getValue());
                }
                return h;
            }
            if (v instanceof List<?> l) {
                int h = 1;
                for (Object o : l) {
                    h = h * 31 + deepHash(o);
                }
                return h;
            }
            return v == null ? 0 : v.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ResourceKey k && k.hash == hash && deepEquals(k.sorted, sorted);
        }

        private static boolean deepEquals(Object a, Object b) {
            if (a instanceof byte[] x && b instanceof byte[] y) {
                return Arrays.equals(x, y);
            }
            if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
                if (x.size() != y.size()) {
                    return false;
                }
                for (Map.Entry<?, ?> e : x.entrySet()) {
                    if (!y.containsKey(e.getKey()) || !deepEquals(e.getValue(), y.get(e.getKey()))) {
                        return false;
                    }
                }
                return true;
            }
            if (a instanceof List<?> x && b instanceof List<?> y) {
                if (x.size() != y.size()) {
                    return false;
                }
                for (int i = 0; i < x.size(); i++) {
                    if (!deepEquals(x.get(i), y.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            return java.util.Objects.equals(a, b);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
