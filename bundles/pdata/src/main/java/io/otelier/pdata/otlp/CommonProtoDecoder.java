package io.otelier.pdata.otlp;

import static io.otelier.pdata.otlp.ProtoReader.FIXED64;
import static io.otelier.pdata.otlp.ProtoReader.LEN;
import static io.otelier.pdata.otlp.ProtoReader.VARINT;
import static io.otelier.pdata.otlp.ProtoReader.known;
import static io.otelier.pdata.otlp.ProtoReader.names;
import static io.otelier.pdata.otlp.ProtoReader.tag;

import io.otelier.pdata.PList;
import io.otelier.pdata.common.AnyValue;
import io.otelier.pdata.common.Attributes;
import io.otelier.pdata.common.EntityRef;
import io.otelier.pdata.common.InstrumentationScope;
import io.otelier.pdata.common.KeyValue;
import io.otelier.pdata.common.Resource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the messages of {@code opentelemetry/proto/common/v1} and {@code resource/v1}. */
final class CommonProtoDecoder {

    static final String[] KEY_VALUE = names(1, "key", 2, "value", 3, "key_strindex");
    static final String[] ANY_VALUE = names(1, "string_value", 2, "bool_value", 3, "int_value", 4, "double_value",
            5, "array_value", 6, "kvlist_value", 7, "bytes_value", 8, "string_value_strindex");
    static final String[] VALUES = names(1, "values");
    static final String[] RESOURCE = names(1, "attributes", 2, "dropped_attributes_count", 3, "entity_refs");
    static final String[] ENTITY_REF = names(1, "schema_url", 2, "type", 3, "id_keys", 4, "description_keys");
    static final String[] SCOPE = names(1, "name", 2, "version", 3, "attributes", 4, "dropped_attributes_count");

    private static final long KEY_VALUE_KNOWN = known(KEY_VALUE);
    private static final long ANY_VALUE_KNOWN = known(ANY_VALUE);
    private static final long VALUES_KNOWN = known(VALUES);
    private static final long RESOURCE_KNOWN = known(RESOURCE);
    private static final long ENTITY_REF_KNOWN = known(ENTITY_REF);
    private static final long SCOPE_KNOWN = known(SCOPE);

    private CommonProtoDecoder() {
    }

    /**
     * Reads one {@code KeyValue} into {@code attributes}. A key repeated on the wire keeps its first position and
     * its last value: the model is a map.
     */
    static void readAttribute(ProtoReader r, Attributes attributes) throws IOException, OtlpDecodeException {
        if (readPlainAttribute(r.in, attributes)) {
            return;
        }
        int limit = r.enter(KEY_VALUE, attributes.size());
        String key = "";
        AnyValue value = AnyValue.empty();
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            switch (tag) {
                case 1 << 3 | LEN -> key = r.readName();
                case 2 << 3 | LEN -> value = readAnyValue(r, -1);
                case 3 << 3 | VARINT -> r.in.readInt32(); // key_strindex: an index into a profiles string table
                default -> r.skipField(tag, KEY_VALUE_KNOWN);
            }
        }
        r.leave(limit);
        attributes.put(key, value);
    }

    /**
     * The usual attribute, read without entering its two messages: a {@code KeyValue} under 128 bytes holding
     * exactly a key, then a value whose body is one string (under 128 bytes), int, double or bool field. Anything
     * else, well-formed or not, is left to the general path, which names what is wrong: then nothing is read and
     * the answer is false.
     */
    private static boolean readPlainAttribute(ProtoInput in, Attributes attributes) {
        byte[] b = in.buffer();
        int at = in.position();
        if (in.limit() - at < 7) { // length, key tag, key length, a key byte, value tag, value length, a value byte
            return false;
        }
        int end = at + 1 + b[at]; // before at + 7 when the length takes more than one byte
        int keyLength = b[at + 2];
        int valueTag = at + 3 + keyLength;
        if (end < at + 7 || end > in.limit() || b[at + 1] != (1 << 3 | LEN) || keyLength <= 0 || valueTag + 3 > end
                || b[valueTag] != (2 << 3 | LEN) || valueTag + 2 + b[valueTag + 1] != end) {
            return false;
        }
        AnyValue value = plainValue(b, valueTag + 2, end);
        if (value == null) {
            return false;
        }
        attributes.put(NameCache.decode(b, at + 3, keyLength), value);
        in.skipTo(end);
        return true;
    }

    /** The {@code AnyValue} whose body {@code b[at, end)} is exactly one string, int, double or bool field, or null. */
    private static AnyValue plainValue(byte[] b, int at, int end) {
        switch (b[at]) {
            case 1 << 3 | LEN -> {
                if (end - at >= 2 && b[at + 1] == end - at - 2) {
                    int length = end - at - 2;
                    return AnyValue.of(length == 0 ? "" : new String(b, at + 2, length, StandardCharsets.UTF_8));
                }
            }
            case 3 << 3 | VARINT -> {
                long value = 0;
                for (int i = at + 1, shift = 0; i < end && shift < 64; i++, shift += 7) {
                    byte x = b[i];
                    value |= (long) (x & 0x7F) << shift;
                    if (x >= 0) {
                        return i + 1 == end ? AnyValue.of(value) : null;
                    }
                }
            }
            case 4 << 3 | FIXED64 -> {
                if (end - at == 9) {
                    return AnyValue.of(Double.longBitsToDouble(ProtoInput.littleEndian64(b, at + 1)));
                }
            }
            case 2 << 3 | VARINT -> {
                if (end - at == 2 && b[at + 1] >= 0) {
                    return AnyValue.of(b[at + 1] != 0);
                }
            }
            default -> {
                return null;
            }
        }
        return null;
    }

    /** Reads one {@code AnyValue} message; {@code index} is its position in an array, or -1. */
    static AnyValue readAnyValue(ProtoReader r, int index) throws IOException, OtlpDecodeException {
        int limit = r.enter(ANY_VALUE, index);
        AnyValue value = AnyValue.empty();
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            // a oneof: the last member on the wire wins
            switch (tag) {
                case 1 << 3 | LEN -> value = AnyValue.of(r.readString());
                case 2 << 3 | VARINT -> value = AnyValue.of(r.in.readBool());
                case 3 << 3 | VARINT -> value = AnyValue.of(r.in.readInt64());
                case 4 << 3 | FIXED64 -> value = AnyValue.of(r.in.readDouble());
                case 5 << 3 | LEN -> value = readArray(r);
                case 6 << 3 | LEN -> value = readKvList(r);
                case 7 << 3 | LEN -> value = AnyValue.ofBytes(r.in.readByteArray());
                case 8 << 3 | VARINT -> {
                    // an index into a profiles string table: without the table there is no value
                    r.in.readInt32();
                    value = AnyValue.empty();
                }
                default -> r.skipField(tag, ANY_VALUE_KNOWN);
            }
        }
        r.leave(limit);
        return value;
    }

    private static AnyValue readArray(ProtoReader r) throws IOException, OtlpDecodeException {
        int limit = r.enter(VALUES, -1);
        List<AnyValue> values = new ArrayList<>();
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            if (tag == tag(1, LEN)) {
                values.add(readAnyValue(r, values.size()));
            } else {
                r.skipField(tag, VALUES_KNOWN);
            }
        }
        r.leave(limit);
        return AnyValue.ofArray(values);
    }

    private static AnyValue readKvList(ProtoReader r) throws IOException, OtlpDecodeException {
        int limit = r.enter(VALUES, -1);
        List<KeyValue> values = new ArrayList<>();
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            if (tag == tag(1, LEN)) {
                values.add(readKeyValue(r, values.size()));
            } else {
                r.skipField(tag, VALUES_KNOWN);
            }
        }
        r.leave(limit);
        return AnyValue.ofKvList(values);
    }

    /** A {@code KeyValue} of a kvlist, where keys may repeat. */
    private static KeyValue readKeyValue(ProtoReader r, int index) throws IOException, OtlpDecodeException {
        int limit = r.enter(KEY_VALUE, index);
        String key = "";
        AnyValue value = AnyValue.empty();
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            switch (tag) {
                case 1 << 3 | LEN -> key = r.readName();
                case 2 << 3 | LEN -> value = readAnyValue(r, -1);
                case 3 << 3 | VARINT -> r.in.readInt32(); // key_strindex, as in readAttribute
                default -> r.skipField(tag, KEY_VALUE_KNOWN);
            }
        }
        r.leave(limit);
        return new KeyValue(key, value);
    }

    static void readResource(ProtoReader r, Resource resource) throws IOException, OtlpDecodeException {
        int limit = r.enter(RESOURCE, -1);
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            switch (tag) {
                case 1 << 3 | LEN -> readAttribute(r, resource.attributes());
                case 2 << 3 | VARINT -> resource.setDroppedAttributesCount(r.readUInt32());
                case 3 << 3 | LEN -> readEntityRef(r, resource.entityRefs());
                default -> r.skipField(tag, RESOURCE_KNOWN);
            }
        }
        r.leave(limit);
    }

    private static void readEntityRef(ProtoReader r, PList<EntityRef> refs) throws IOException, OtlpDecodeException {
        int limit = r.enter(ENTITY_REF, refs.size());
        EntityRef ref = refs.addNew();
        List<String> idKeys = null;
        List<String> descriptionKeys = null;
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            switch (tag) {
                case 1 << 3 | LEN -> ref.setSchemaUrl(r.readString());
                case 2 << 3 | LEN -> ref.setType(r.readString());
                case 3 << 3 | LEN -> idKeys = append(idKeys, r.readString());
                case 4 << 3 | LEN -> descriptionKeys = append(descriptionKeys, r.readString());
                default -> r.skipField(tag, ENTITY_REF_KNOWN);
            }
        }
        r.leave(limit);
        if (idKeys != null) {
            ref.setIdKeys(idKeys);
        }
        if (descriptionKeys != null) {
            ref.setDescriptionKeys(descriptionKeys);
        }
    }

    private static List<String> append(List<String> list, String value) {
        List<String> appended = list == null ? new ArrayList<>() : list;
        appended.add(value);
        return appended;
    }

    static void readScope(ProtoReader r, InstrumentationScope scope) throws IOException, OtlpDecodeException {
        int limit = r.enter(SCOPE, -1);
        for (int tag = r.readTag(); tag != 0; tag = r.readTag()) {
            switch (tag) {
                case 1 << 3 | LEN -> scope.setName(r.readName());
                case 2 << 3 | LEN -> scope.setVersion(r.readName());
                case 3 << 3 | LEN -> readAttribute(r, scope.attributes());
                case 4 << 3 | VARINT -> scope.setDroppedAttributesCount(r.readUInt32());
                default -> r.skipField(tag, SCOPE_KNOWN);
            }
        }
        r.leave(limit);
    }
}
