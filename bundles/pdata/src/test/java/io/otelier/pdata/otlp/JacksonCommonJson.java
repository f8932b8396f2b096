package io.otelier.pdata.otlp;

import static io.otelier.pdata.otlp.JacksonJsonOut.name;

import com.fasterxml.jackson.core.SerializableString;
import io.otelier.pdata.PList;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.Attributes;
import io.otelier.pdata.common.EntityRef;
import io.otelier.pdata.common.InstrumentationScope;
import io.otelier.pdata.common.KeyValue;
import io.otelier.pdata.common.Resource;
import java.io.IOException;
import java.util.List;

/**
 * Test oracle: OTLP/JSON writing of the messages of common/v1 and resource/v1 as it was
 * before {@code JsonOut} wrote bytes itself, with Jackson (a frozen copy of the writing half).
 * {@link JsonOutTest} compares the two writers.
 */
final class JacksonCommonJson {

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

    private JacksonCommonJson() {
    }

    // ---- writing

    /** A repeated KeyValue field, left out when empty. */
    static void writeAttributes(JacksonJsonOut out, SerializableString name, Attributes attributes) throws IOException {
        int n = attributes.size();
        if (n == 0) {
            return;
        }
        out.field(name);
        out.startArray();
        for (int i = 0; i < n; i++) {
            writeKeyValue(out, attributes.key(i), attributes.value(i));
        }
        out.endArray();
    }

    private static void writeKeyValue(JacksonJsonOut out, String key, AnyValue value) throws IOException {
        out.startObject();
        out.stringIfSet(KEY, key);
        out.field(VALUE);
        writeAnyValue(out, value);
        out.endObject();
    }

    static void writeAnyValue(JacksonJsonOut out, AnyValue value) throws IOException {
        out.startObject();
        switch (value.type()) {
            case EMPTY -> {
            }
            case STRING -> out.string(STRING_VALUE, value.stringValue());
            case BOOL -> {
                out.field(BOOL_VALUE);
                out.gen.writeBoolean(value.boolValue());
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
    static void writeResource(JacksonJsonOut out, Resource resource) throws IOException {
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

    private static void writeStrings(JacksonJsonOut out, SerializableString name, List<String> values)
            throws IOException {
        if (!values.isEmpty()) {
            out.field(name);
            out.startArray();
            for (int i = 0, n = values.size(); i < n; i++) {
                out.gen.writeString(values.get(i));
            }
            out.endArray();
        }
    }

    /** The {@code scope} field, always written, as upstream does. */
    static void writeScope(JacksonJsonOut out, InstrumentationScope scope) throws IOException {
        out.field(SCOPE);
        out.startObject();
        out.stringIfSet(NAME, scope.name());
        out.stringIfSet(VERSION, scope.version());
        writeAttributes(out, ATTRIBUTES, scope.attributes());
        out.uint32IfSet(DROPPED_ATTRIBUTES_COUNT, scope.droppedAttributesCount());
        out.endObject();
    }
}
