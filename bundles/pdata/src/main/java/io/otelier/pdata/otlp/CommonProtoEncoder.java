package io.otelier.pdata.otlp;

import static com.google.protobuf.CodedOutputStream.computeStringSize;
import static com.google.protobuf.CodedOutputStream.computeTagSize;
import static com.google.protobuf.CodedOutputStream.computeUInt32Size;
import static com.google.protobuf.CodedOutputStream.computeUInt32SizeNoTag;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.otelier.pdata.PList;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.Attributes;
import io.otelier.pdata.common.EntityRef;
import io.otelier.pdata.common.InstrumentationScope;
import io.otelier.pdata.common.KeyValue;
import io.otelier.pdata.common.Resource;
import io.otelier.pdata.common.SpanId;
import io.otelier.pdata.common.TraceId;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the messages of {@code opentelemetry/proto/common/v1} and {@code resource/v1}, plus the field helpers
 * every encoder shares. Each message has a {@code size…} method (the sizing pass, which fills the
 * {@link SizeCache}) and a {@code write…} method (the writing pass); the two visit the same fields under the same
 * conditions, in field-number order as protobuf-java does, so the output is byte for byte what the generated
 * classes write for the same content.
 *
 * <p>Fields holding their default value are left out, as proto3 does; so are empty resources, scopes and
 * statuses. Oneof members are always written once set, even with a default value.
 */
final class CommonProtoEncoder {

    private CommonProtoEncoder() {
    }

    // ---- shared field helpers

    /** Size of a length-delimited field with a body of {@code bodySize} bytes. */
    static int fieldSize(int field, int bodySize) {
        return computeTagSize(field) + computeUInt32SizeNoTag(bodySize) + bodySize;
    }

    /** Records a nested message's body size in its reserved slot; returns the size of the whole field. */
    static int messageSize(int field, int slot, int bodySize, SizeCache cache) {
        cache.set(slot, bodySize);
        return fieldSize(field, bodySize);
    }

    /** Starts a nested message: tag and the length measured by the sizing pass. */
    static void startMessage(ProtoWriter out, int field, SizeCache cache) {
        out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(cache.take());
    }

    static int stringSize(int field, String value) {
        return value.isEmpty() ? 0 : computeStringSize(field, value);
    }

    static void writeString(ProtoWriter out, int field, String value) {
        if (!value.isEmpty()) {
            out.writeString(field, value);
        }
    }

    /**
     * Size of a string field holding a name (attribute key, span or metric name, unit…): for a name the
     * {@link NameCache} knows, its cached bytes' length, without measuring the characters.
     */
    static int nameSize(int field, String value) {
        if (value.isEmpty()) {
            return 0;
        }
        byte[] utf8 = NameCache.utf8(value);
        return utf8 == null ? computeStringSize(field, value) : fieldSize(field, utf8.length);
    }

    /**
     * Writes a string field holding a name: a cached name's bytes are copied, not converted. The bytes are those
     * {@link #writeString} writes, so it does not matter whether the name is still cached when the sizing pass
     * measured it.
     */
    static void writeName(ProtoWriter out, int field, String value) {
        if (value.isEmpty()) {
            return;
        }
        out.writeBytes(field, nameBytes(value));
    }

    static int uint32Size(int field, int value) {
        return value == 0 ? 0 : computeUInt32Size(field, value);
    }

    static void writeUInt32(ProtoWriter out, int field, int value) {
        if (value != 0) {
            out.writeUInt32(field, value);
        }
    }

    /** Size of a fixed64 or double field (8 bytes) when {@code present}. */
    static int fixed64Size(int field, boolean present) {
        return present ? computeTagSize(field) + 8 : 0;
    }

    static void writeFixed64(ProtoWriter out, int field, long value) {
        if (value != 0) {
            out.writeFixed64(field, value);
        }
    }

    static int traceIdSize(int field, TraceId id) {
        return id.isEmpty() ? 0 : computeTagSize(field) + 1 + TraceId.LENGTH;
    }

    static void writeTraceId(ProtoWriter out, int field, TraceId id) {
        if (!id.isEmpty()) {
            out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(TraceId.LENGTH);
            // big-endian on the wire; writing the reversed longs little-endian needs no byte array
            out.writeFixed64NoTag(Long.reverseBytes(id.high()));
            out.writeFixed64NoTag(Long.reverseBytes(id.low()));
        }
    }

    static int spanIdSize(int field, SpanId id) {
        return id.isEmpty() ? 0 : computeTagSize(field) + 1 + SpanId.LENGTH;
    }

    static void writeSpanId(ProtoWriter out, int field, SpanId id) {
        if (!id.isEmpty()) {
            out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(SpanId.LENGTH);
            out.writeFixed64NoTag(Long.reverseBytes(id.asLong()));
        }
    }

    // ---- attributes and values

    /** Size of every entry of {@code attributes} as the repeated KeyValue field {@code field}. */
    static int attributesSize(int field, Attributes attributes, SizeCache cache) {
        int size = 0;
        for (int i = 0, n = attributes.size(); i < n; i++) {
            size += keyValueSize(field, attributes.key(i), attributes.value(i), cache);
        }
        return size;
    }

    static void writeAttributes(ProtoWriter out, int field, Attributes attributes, SizeCache cache) {
        for (int i = 0, n = attributes.size(); i < n; i++) {
            writeKeyValue(out, field, attributes.key(i), attributes.value(i), cache);
        }
    }

    /**
     * Size of a KeyValue as field {@code field}. The key's UTF-8 bytes (a cached name's, or converted here) and a
     * string value's are kept for the writing pass, which copies them: each is converted once per encode. A
     * KeyValue whose value holds no message (the usual case) takes no size slot: the writing pass works its two
     * lengths out again from the kept bytes, which is cheaper than storing and taking them. The value's type is
     * asked once per pass ({@link #typeOf}).
     */
    private static int keyValueSize(int field, String key, AnyValue value, SizeCache cache) {
        AnyValue.Type type = typeOf(value);
        if (type == AnyValue.Type.ARRAY || type == AnyValue.Type.KVLIST) {
            int slot = cache.reserve();
            int keySize = keptBytesSize(1, cache.keep(nameBytes(key)));
            int valueSlot = cache.reserve();
            int body = keySize + messageSize(2, valueSlot, anyValueSize(value, type, cache), cache);
            return messageSize(field, slot, body, cache);
        }
        int body = keptBytesSize(1, cache.keep(nameBytes(key)));
        if (type == AnyValue.Type.STRING) {
            body += fieldSize(2, fieldSize(1, cache.keep(utf8(((AnyValue.StringValue) value).value())).length));
        } else if (type != AnyValue.Type.EMPTY) {
            body += fieldSize(2, anyValueSize(value, type, cache));
        }
        return fieldSize(field, body);
    }

    private static void writeKeyValue(ProtoWriter out, int field, String key, AnyValue value, SizeCache cache) {
        AnyValue.Type type = typeOf(value);
        if (type == AnyValue.Type.ARRAY || type == AnyValue.Type.KVLIST) {
            startMessage(out, field, cache);
            writeKeptBytes(out, 1, cache.takeKept());
            startMessage(out, 2, cache);
            writeAnyValue(out, value, type, cache);
            return;
        }
        byte[] keyBytes = cache.takeKept();
        int keySize = keptBytesSize(1, keyBytes);
        out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        if (type == AnyValue.Type.EMPTY) {
            out.writeUInt32NoTag(keySize);
            writeKeptBytes(out, 1, keyBytes);
        } else if (type == AnyValue.Type.STRING) {
            byte[] stringBytes = cache.takeKept();
            int valueSize = fieldSize(1, stringBytes.length);
            out.writeUInt32NoTag(keySize + fieldSize(2, valueSize));
            writeKeptBytes(out, 1, keyBytes);
            out.writeTag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(valueSize);
            out.writeBytes(1, stringBytes); // an empty string value is still written
        } else {
            int valueSize = anyValueSize(value, type, cache);
            out.writeUInt32NoTag(keySize + fieldSize(2, valueSize));
            writeKeptBytes(out, 1, keyBytes);
            out.writeTag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(valueSize);
            writeAnyValue(out, value, type, cache);
        }
    }

    /** A name's UTF-8 bytes: the cached ones when the {@link NameCache} has it. Not to be modified. */
    private static byte[] nameBytes(String name) {
        byte[] utf8 = NameCache.utf8(name);
        return utf8 != null ? utf8 : utf8(name);
    }

    /** What protobuf writes for a string (an unpaired surrogate becomes '?', as in protobuf-java's fallback). */
    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** Size of a string field whose UTF-8 bytes are given; none for the empty string (the proto3 default). */
    private static int keptBytesSize(int field, byte[] utf8) {
        return utf8.length == 0 ? 0 : fieldSize(field, utf8.length);
    }

    private static void writeKeptBytes(ProtoWriter out, int field, byte[] utf8) {
        if (utf8.length != 0) {
            out.writeBytes(field, utf8);
        }
    }

    /**
     * The value's type, a string (the usual value) recognised by its class: {@link AnyValue} is a sealed interface
     * with eight implementations, so {@code type()} is a megamorphic dispatch.
     */
    private static AnyValue.Type typeOf(AnyValue value) {
        return value instanceof AnyValue.StringValue ? AnyValue.Type.STRING : value.type();
    }

    /** Size of an AnyValue message body. */
    static int anyValueSize(AnyValue value, SizeCache cache) {
        return anyValueSize(value, value.type(), cache);
    }

    private static int anyValueSize(AnyValue value, AnyValue.Type type, SizeCache cache) {
        return switch (type) {
            case EMPTY -> 0;
            case STRING -> computeStringSize(1, value.stringValue());
            case BOOL -> 2;
            case INT -> 1 + CodedOutputStream.computeInt64SizeNoTag(value.intValue());
            case DOUBLE -> 9;
            case BYTES -> fieldSize(7, ((AnyValue.BytesValue) value).length());
            case ARRAY -> {
                int slot = cache.reserve();
                List<AnyValue> values = value.arrayValue();
                int body = 0;
                for (int i = 0, n = values.size(); i < n; i++) {
                    int elementSlot = cache.reserve();
                    body += messageSize(1, elementSlot, anyValueSize(values.get(i), cache), cache);
                }
                yield messageSize(5, slot, body, cache);
            }
            case KVLIST -> {
                int slot = cache.reserve();
                List<KeyValue> values = value.kvListValue();
                int body = 0;
                for (int i = 0, n = values.size(); i < n; i++) {
                    KeyValue entry = values.get(i);
                    body += keyValueSize(1, entry.key(), entry.value(), cache);
                }
                yield messageSize(6, slot, body, cache);
            }
        };
    }

    /** Writes an AnyValue message body. */
    static void writeAnyValue(ProtoWriter out, AnyValue value, SizeCache cache) {
        writeAnyValue(out, value, value.type(), cache);
    }

    private static void writeAnyValue(ProtoWriter out, AnyValue value, AnyValue.Type type, SizeCache cache) {
        switch (type) {
            case EMPTY -> {
            }
            case STRING -> out.writeString(1, value.stringValue());
            case BOOL -> out.writeBool(2, value.boolValue());
            case INT -> out.writeInt64(3, value.intValue());
            case DOUBLE -> out.writeDouble(4, value.doubleValue());
            case BYTES -> {
                AnyValue.BytesValue bytes = (AnyValue.BytesValue) value;
                out.writeTag(7, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                out.writeUInt32NoTag(bytes.length());
                for (int i = 0, n = bytes.length(); i < n; i++) {
                    out.write(bytes.byteAt(i)); // no copy of the value's array
                }
            }
            case ARRAY -> {
                startMessage(out, 5, cache);
                List<AnyValue> values = value.arrayValue();
                for (int i = 0, n = values.size(); i < n; i++) {
                    startMessage(out, 1, cache); // an empty element is still an element
                    writeAnyValue(out, values.get(i), cache);
                }
            }
            case KVLIST -> {
                startMessage(out, 6, cache);
                List<KeyValue> values = value.kvListValue();
                for (int i = 0, n = values.size(); i < n; i++) {
                    KeyValue entry = values.get(i);
                    writeKeyValue(out, 1, entry.key(), entry.value(), cache);
                }
            }
        }
    }

    // ---- resource and scope

    static boolean isEmpty(Resource resource) {
        return resource.attributes().isEmpty() && resource.droppedAttributesCount() == 0
                && resource.entityRefs().isEmpty();
    }

    /** Size of the resource as field {@code field}, 0 when it is empty. */
    static int resourceSize(int field, Resource resource, SizeCache cache) {
        if (isEmpty(resource)) {
            return 0;
        }
        int slot = cache.reserve();
        int body = attributesSize(1, resource.attributes(), cache)
                + uint32Size(2, resource.droppedAttributesCount());
        PList<EntityRef> refs = resource.entityRefs();
        for (int i = 0, n = refs.size(); i < n; i++) {
            int refSlot = cache.reserve();
            body += messageSize(3, refSlot, entityRefSize(refs.get(i)), cache);
        }
        return messageSize(field, slot, body, cache);
    }

    static void writeResource(ProtoWriter out, int field, Resource resource, SizeCache cache) {
        if (isEmpty(resource)) {
            return;
        }
        startMessage(out, field, cache);
        writeAttributes(out, 1, resource.attributes(), cache);
        writeUInt32(out, 2, resource.droppedAttributesCount());
        PList<EntityRef> refs = resource.entityRefs();
        for (int i = 0, n = refs.size(); i < n; i++) {
            EntityRef ref = refs.get(i);
            startMessage(out, 3, cache);
            writeString(out, 1, ref.schemaUrl());
            writeString(out, 2, ref.type());
            writeStrings(out, 3, ref.idKeys());
            writeStrings(out, 4, ref.descriptionKeys());
        }
    }

    private static int entityRefSize(EntityRef ref) {
        return stringSize(1, ref.schemaUrl()) + stringSize(2, ref.type())
                + stringsSize(3, ref.idKeys()) + stringsSize(4, ref.descriptionKeys());
    }

    /** A repeated string field: every element is written, empty ones too. */
    private static int stringsSize(int field, List<String> values) {
        int size = 0;
        for (int i = 0, n = values.size(); i < n; i++) {
            size += computeStringSize(field, values.get(i));
        }
        return size;
    }

    private static void writeStrings(ProtoWriter out, int field, List<String> values) {
        for (int i = 0, n = values.size(); i < n; i++) {
            out.writeString(field, values.get(i));
        }
    }

    static boolean isEmpty(InstrumentationScope scope) {
        return scope.name().isEmpty() && scope.version().isEmpty() && scope.attributes().isEmpty()
                && scope.droppedAttributesCount() == 0;
    }

    /** Size of the scope as field {@code field}, 0 when it is empty. */
    static int scopeSize(int field, InstrumentationScope scope, SizeCache cache) {
        if (isEmpty(scope)) {
            return 0;
        }
        int slot = cache.reserve();
        int body = nameSize(1, scope.name()) + nameSize(2, scope.version())
                + attributesSize(3, scope.attributes(), cache) + uint32Size(4, scope.droppedAttributesCount());
        return messageSize(field, slot, body, cache);
    }

    static void writeScope(ProtoWriter out, int field, InstrumentationScope scope, SizeCache cache) {
        if (isEmpty(scope)) {
            return;
        }
        startMessage(out, field, cache);
        writeName(out, 1, scope.name());
        writeName(out, 2, scope.version());
        writeAttributes(out, 3, scope.attributes(), cache);
        writeUInt32(out, 4, scope.droppedAttributesCount());
    }
}
