package io.otelier.pdata.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.otelier.pdata.Telemetry;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The random trees of the wire tests must reach every field of the OTLP messages (checked on the generated
 * classes' descriptors), else a field could be wrong on the wire without any test noticing.
 */
class RandomTreesCoverageTest {

    /** Fields that only mean something in profiles, which the model has no place for. */
    private static final Set<String> PROFILES_ONLY = Set.of(
            "opentelemetry.proto.common.v1.KeyValue.key_strindex",
            "opentelemetry.proto.common.v1.AnyValue.string_value_strindex");

    static Iterable<SignalCodec<?, ?>> signals() {
        return SignalCodec.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signals")
    void everyFieldIsSetInSomeTree(SignalCodec<?, ?> codec) {
        Set<String> seen = new TreeSet<>();
        Message prototype = null;
        for (long seed = 0; seed < 250; seed++) {
            Message message = toProto(codec, seed);
            prototype = message;
            collect(message, seen);
        }
        Set<String> all = new TreeSet<>();
        allFields(prototype.getDescriptorForType(), all, new TreeSet<>());
        all.removeAll(PROFILES_ONLY);

        all.removeAll(seen);
        assertThat(all).as("fields no random tree sets").isEmpty();
    }

    private static <T extends Telemetry, M extends Message> Message toProto(SignalCodec<T, M> codec, long seed) {
        return codec.toProto().apply(codec.random().apply(new RandomTrees(seed)));
    }

    private static void collect(Message message, Set<String> seen) {
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            seen.add(field.getKey().getFullName());
            if (field.getKey().getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                if (field.getKey().isRepeated()) {
                    for (Object element : (Iterable<?>) field.getValue()) {
                        collect((Message) element, seen);
                    }
                } else {
                    collect((Message) field.getValue(), seen);
                }
            }
        }
    }

    private static void allFields(Descriptor type, Set<String> fields, Set<String> visited) {
        if (!visited.add(type.getFullName())) {
            return;
        }
        for (FieldDescriptor field : type.getFields()) {
            fields.add(field.getFullName());
            if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                allFields(field.getMessageType(), fields, visited);
            }
        }
    }
}
