package io.otelier.pdata.otlp;

import static io.otelier.pdata.otlp.JsonOut.name;

import com.fasterxml.jackson.core.SerializableString;
import io.otelier.pdata.PList;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.Attributes;
import io.otelier.pdata.common.EntityRef;
import io.otelier.pdata.common.InstrumentationScope;
import io.otelier.pdata.common.KeyValue;
import io.otelier.pdata.common.Resource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * OTLP/JSON of the messages of {@code common/v1} and {@code resource/v1}, both ways. The writers follow
 * upstream's marshaler field for field: declaration order, defaults left out, but {@code resource},
 * {@code scope} and a key-value's {@code value} always written.
 */
final class CommonJson {

    static final SerializableString ATTRIBUTES = name("attributes");
    static final SerializableString DROPPED_ATTRIBUTES_COUNT = name("droppedAttributesCount");
    static final SerializableString SCHEMA_URL = name("schemaUrl");
    static final SerializableString NAME = name("name");
    static final SerializableString TRACE_ID = name("traceId");
    static final SerializableString SPAN_ID = name("spanId");
    static final SerializableString FLAGS = name("flags");
    static final SerializableString TIME_UNIX_NANO = name("timeUnixNano");
    static final SerializableString START_TIME_UNIX_NANO = name("startTimeUnixNano");

    private static final SerializableString RESOURCE = name("resource");
    private static final SerializableString SCOPE = name("scope");
    private static final SerializableString VERSION = name("version");
    private static final SerializableString ENTITY_REFS = name("entityRefs");
    private static final SerializableString TYPE = name("type");
    private static final SerializableString ID_KEYS = name("idKeys");
    private static final SerializableString DESCRIPTION_KEYS = name("descriptionKeys");
    private static final SerializableString KEY = name("key");
    private static final SerializableString VALUE = name("value");
    private static final SerializableString VALUES = name("values");
    private static final SerializableString STRING_VALUE = name("stringValue");
    private static final SerializableString BOOL_VALUE = name("boolValue");
    private static final SerializableString INT_VALUE = name("intValue");
    private static final SerializableString DOUBLE_VALUE = name("doubleValue");
    private static final SerializableString ARRAY_VALUE = name("arrayValue");
    private static final SerializableString KVLIST_VALUE = name("kvlistValue");
    private static final SerializableString BYTES_VALUE = name("bytesValue");

    private CommonJson() {
    }

    /** Names and numbers of an OTLP enum: {@code prefix + constant name}, e.g. SPAN_KIND_SERVER. */
    static <E extends Enum<E>> Map<String, Integer> enumNames(String prefix, E[] constants, ToIntFunction<E> number) {
        Map<String, Integer> names = new HashMap<>();
        for (E constant : constants) {
            names.put(prefix + constant.name(), number.applyAsInt(constant));
        }
        return Map.copyOf(names);
    }

    // ---- writing

    /**
     * A repeated KeyValue field, left out when empty. When it holds the very key and value objects of the last one
     * written (records of one file, points of one series), that one's bytes are copied.
     */
    static void writeAttributes(JsonOut out, SerializableString name, Attributes attributes) throws IOException {
        int n = attributes.size();
        if (n == 0 || out.repeatAttributes(name, attributes)) {
            return;
        }
        int start = out.beginFragment();
        out.field(name);
        out.startArray();
        for (int i = 0; i < n; i++) {
            writeKeyValue(out, attributes.key(i), attributes.value(i));
        }
        out.endArray();
        out.rememberAttributes(name, attributes, start);
    }

    private static void writeKeyValue(JsonOut out, String key, AnyValue value) throws IOException {
        out.startObject();
        out.stringIfSet(KEY, key);
        out.field(VALUE);
        writeAnyValue(out, value);
        out.endObject();
    }

    static void writeAnyValue(JsonOut out, AnyValue value) throws IOException {
        if (value instanceof AnyValue.StringValue string) {
            out.anyStringValue(string.value()); // the common case, in one call
            return;
        }
        out.startObject();
        switch (value.type()) {
            case EMPTY -> {
            }
            case STRING -> out.string(STRING_VALUE, value.stringValue());
            case BOOL -> {
                out.field(BOOL_VALUE);
                out.bool(value.boolValue());
            }
            case INT -> {
                out.field(INT_VALUE);
                out.int64(value.intValue());
            }
            case DOUBLE -> {
                out.field(DOUBLE_VALUE);
                out.doubleValue(value.doubleValue());
            }
            case BYTES -> {
                out.field(BYTES_VALUE);
                out.bytes(value.bytesValue());
            }
            case ARRAY -> {
                out.field(ARRAY_VALUE);
                out.startObject();
                List<AnyValue> values = value.arrayValue();
                if (!values.isEmpty()) {
                    out.field(VALUES);
                    out.startArray();
                    for (int i = 0, n = values.size(); i < n; i++) {
                        writeAnyValue(out, values.get(i));
                    }
                    out.endArray();
                }
                out.endObject();
            }
            case KVLIST -> {
                out.field(KVLIST_VALUE);
                out.startObject();
                List<KeyValue> values = value.kvListValue();
                if (!values.isEmpty()) {
                    out.field(VALUES);
                    out.startArray();
                    for (int i = 0, n = values.size(); i < n; i++) {
                        writeKeyValue(out, values.get(i).key(), values.get(i).value());
                    }
                    out.endArray();
                }
                out.endObject();
            }
        }
        out.endObject();
    }

    /** The {@code resource} field, always written (as {@code {}} when empty), as upstream does. */
    static void writeResource(JsonOut out, Resource resource) throws IOException {
        out.field(RESOURCE);
        out.startObject();
        writeAttributes(out, ATTRIBUTES, resource.attributes());
        out.uint32IfSet(DROPPED_ATTRIBUTES_COUNT, resource.droppedAttributesCount());
        PList<EntityRef> refs = resource.entityRefs();
        if (!refs.isEmpty()) {
            out.field(ENTITY_REFS);
            out.startArray();
            for (int i = 0, n = refs.size(); i < n; i++) {
                EntityRef ref = refs.get(i);
                out.startObject();
                out.stringIfSet(SCHEMA_URL, ref.schemaUrl());
                out.stringIfSet(TYPE, ref.type());
                writeStrings(out, ID_KEYS, ref.idKeys());
                writeStrings(out, DESCRIPTION_KEYS, ref.descriptionKeys());
                out.endObject();
            }
            out.endArray();
        }
        out.endObject();
    }

    private static void writeStrings(JsonOut out, SerializableString name, List<String> values) throws IOException {
        if (!values.isEmpty()) {
            out.field(name);
            out.startArray();
            for (int i = 0, n = values.size(); i < n; i++) {
                out.stringValue(values.get(i));
            }
            out.endArray();
        }
    }

    /** The {@code scope} field, always written, as upstream does. */
    static void writeScope(JsonOut out, InstrumentationScope scope) throws IOException {
        out.field(SCOPE);
        out.startObject();
        out.stringIfSet(NAME, scope.name());
        out.stringIfSet(VERSION, scope.version());
        writeAttributes(out, ATTRIBUTES, scope.attributes());
        out.uint32IfSet(DROPPED_ATTRIBUTES_COUNT, scope.droppedAttributesCount());
        out.endObject();
    }

    // ---- reading

    /** A repeated KeyValue field into {@code attributes} (a repeated key keeps its first position, last value). */
    static void readAttributes(JsonIn in, Attributes attributes) throws IOException, OtlpDecodeException {
        in.startArray();
        while (in.nextElement()) {
            KeyValue entry = readKeyValue(in, 0);
            attributes.put(entry.key(), entry.value());
        }
    }

    private static KeyValue readKeyValue(JsonIn in, int depth) throws IOException, OtlpDecodeException {
        in.startObject();
        String key = "";
        AnyValue value = AnyValue.empty();
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "key" -> key = in.string();
                case "value" -> value = readAnyValue(in, depth);
                default -> in.skip();
            }
        }
        return new KeyValue(key, value);
    }

    /** An AnyValue object; {@code depth} counts the arrays and kvlists around it. */
    static AnyValue readAnyValue(JsonIn in, int depth) throws IOException, OtlpDecodeException {
        in.startObject();
        AnyValue value = AnyValue.empty();
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "stringValue", "string_value" -> value = AnyValue.of(in.string());
                case "boolValue", "bool_value" -> value = AnyValue.of(in.bool());
                case "intValue", "int_value" -> value = AnyValue.of(in.int64());
                case "doubleValue", "double_value" -> value = AnyValue.of(in.doubleValue());
                case "bytesValue", "bytes_value" -> value = AnyValue.ofBytes(in.bytes());
                case "arrayValue", "array_value" -> value = readArrayValue(in, depth + 1);
                case "kvlistValue", "kvlist_value" -> value = readKvListValue(in, depth + 1);
                case "stringValueStrindex", "string_value_strindex" -> {
                    in.int32(); // an index into a profiles string table: without the table there is no value
                    value = AnyValue.empty();
                }
                default -> in.skip();
            }
        }
        return value;
    }

    private static AnyValue readArrayValue(JsonIn in, int depth) throws IOException, OtlpDecodeException {
        checkDepth(in, depth);
        in.startObject();
        List<AnyValue> values = new ArrayList<>();
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            if (field.equals("values")) {
                in.startArray();
                while (in.nextElement()) {
                    values.add(readAnyValue(in, depth));
                }
            } else {
                in.skip();
            }
        }
        return AnyValue.ofArray(values);
    }

    private static AnyValue readKvListValue(JsonIn in, int depth) throws IOException, OtlpDecodeException {
        checkDepth(in, depth);
        in.startObject();
        List<KeyValue> values = new ArrayList<>();
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            if (field.equals("values")) {
                in.startArray();
                while (in.nextElement()) {
                    values.add(readKeyValue(in, depth));
                }
            } else {
                in.skip();
            }
        }
        return AnyValue.ofKvList(values);
    }

    private static void checkDepth(JsonIn in, int depth) throws OtlpDecodeException {
        if (depth > JsonIn.MAX_VALUE_DEPTH) {
            throw in.error("values nested deeper than " + JsonIn.MAX_VALUE_DEPTH + " arrays or kvlists");
        }
    }

    static void readResource(JsonIn in, Resource resource) throws IOException, OtlpDecodeException {
        in.startObject();
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "attributes" -> readAttributes(in, resource.attributes());
                case "droppedAttributesCount", "dropped_attributes_count" ->
                        resource.setDroppedAttributesCount(in.uint32());
                case "entityRefs", "entity_refs" -> {
                    in.startArray();
                    while (in.nextElement()) {
                        readEntityRef(in, resource.entityRefs().addNew());
                    }
                }
                default -> in.skip();
            }
        }
    }

    private static void readEntityRef(JsonIn in, EntityRef ref) throws IOException, OtlpDecodeException {
        in.startObject();
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "schemaUrl", "schema_url" -> ref.setSchemaUrl(in.string());
                case "type" -> ref.setType(in.string());
                case "idKeys", "id_keys" -> ref.setIdKeys(readStrings(in));
                case "descriptionKeys", "description_keys" -> ref.setDescriptionKeys(readStrings(in));
                default -> in.skip();
            }
        }
    }

    private static List<String> readStrings(JsonIn in) throws IOException, OtlpDecodeException {
        in.startArray();
        List<String> values = new ArrayList<>();
        while (in.nextElement()) {
            values.add(in.string());
        }
        return values;
    }

    static void readScope(JsonIn in, InstrumentationScope scope) throws IOException, OtlpDecodeException {
        in.startObject();
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "name" -> scope.setName(in.string());
                case "version" -> scope.setVersion(in.string());
                case "attributes" -> readAttributes(in, scope.attributes());
                case "droppedAttributesCount", "dropped_attributes_count" ->
                        scope.setDroppedAttributesCount(in.uint32());
                default -> in.skip();
            }
        }
    }
}
