package io.otelier.pdata.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnyValueTest {

    /** Expected strings are what upstream's pcommon.Value.AsString (pdata v1.71) returns for the same value. */
    static Stream<Arguments> asString() {
        return Stream.of(
                Arguments.of("empty", AnyValue.empty(), ""),
                Arguments.of("string as is", AnyValue.of("a \"quoted\" <b>"), "a \"quoted\" <b>"),
                Arguments.of("true", AnyValue.of(true), "true"),
                Arguments.of("false", AnyValue.of(false), "false"),
                Arguments.of("int", AnyValue.of(-42), "-42"),
                Arguments.of("min int", AnyValue.of(Long.MIN_VALUE), "-9223372036854775808"),
                Arguments.of("integral double", AnyValue.of(1.0), "1"),
                Arguments.of("zero", AnyValue.of(0.0), "0"),
                Arguments.of("negative zero", AnyValue.of(-0.0), "-0"),
                Arguments.of("fraction", AnyValue.of(1.5), "1.5"),
                Arguments.of("shortest round trip", AnyValue.of(0.1 + 0.2), "0.30000000000000004"),
                Arguments.of("1e20 plain", AnyValue.of(1e20), "100000000000000000000"),
                Arguments.of("1e21 exponent", AnyValue.of(1e21), "1e+21"),
                Arguments.of("1e23 shortest (JDK 17 prints 9.999999999999999E22)", AnyValue.of(1e23), "1e+23"),
                Arguments.of("JDK-4511638 case", AnyValue.of(2.82879384806159E17), "282879384806159000"),
                Arguments.of("1e-6 plain", AnyValue.of(0.000001), "0.000001"),
                Arguments.of("below 1e-6: exponent without padding", AnyValue.of(1e-7), "1e-7"),
                Arguments.of("small with digits", AnyValue.of(-1.25e-10), "-1.25e-10"),
                Arguments.of("smallest subnormal", AnyValue.of(Double.MIN_VALUE), "5e-324"),
                Arguments.of("largest double", AnyValue.of(Double.MAX_VALUE), "1.7976931348623157e+308"),
                Arguments.of("NaN", AnyValue.of(Double.NaN), "NaN"),
                Arguments.of("+Inf", AnyValue.of(Double.POSITIVE_INFINITY), "Infinity"),
                Arguments.of("-Inf", AnyValue.of(Double.NEGATIVE_INFINITY), "-Infinity"),
                Arguments.of("bytes base64", AnyValue.ofBytes(new byte[] {0, 1, 2, (byte) 0xff}), "AAEC/w=="),
                Arguments.of("empty bytes", AnyValue.ofBytes(new byte[0]), ""),
                Arguments.of("array as JSON",
                        AnyValue.ofArray(AnyValue.of("a"), AnyValue.of(1), AnyValue.of(true), AnyValue.empty(),
                                AnyValue.of(1.5), AnyValue.of(2.0), AnyValue.ofBytes(new byte[] {1})),
                        "[\"a\",1,true,null,1.5,2,\"AQ==\"]"),
                Arguments.of("empty array", AnyValue.ofArray(List.of()), "[]"),
                Arguments.of("kvlist as JSON with sorted keys",
                        AnyValue.ofKvList(KeyValue.of("b", "x"), KeyValue.of("a", AnyValue.of(1)),
                                KeyValue.of("c", AnyValue.ofArray(AnyValue.of(false)))),
                        "{\"a\":1,\"b\":\"x\",\"c\":[false]}"),
                Arguments.of("kvlist duplicate key: last wins",
                        AnyValue.ofKvList(KeyValue.of("k", "first"), KeyValue.of("k", "last")), "{\"k\":\"last\"}"),
                Arguments.of("empty kvlist", AnyValue.ofKvList(List.of()), "{}"),
                Arguments.of("nested", AnyValue.ofKvList(KeyValue.of("m", AnyValue.ofKvList(KeyValue.of("n",
                        AnyValue.empty())))), "{\"m\":{\"n\":null}}"),
                Arguments.of("JSON escapes like Go, without HTML escaping",
                        AnyValue.ofArray(AnyValue.of("q\" b\\ n\n t\t r\r <&> \u0001 \u2028 \u2029 \b\f é")),
                        "[\"q\\\" b\\\\ n\\n t\\t r\\r <&> \\u0001 \\u2028 \\u2029 \\b\\f é\"]"),
                Arguments.of("kvlist keys and values keep <>&",
                        AnyValue.ofKvList(KeyValue.of("<k&>", "x>y&z")), "{\"<k&>\":\"x>y&z\"}"),
                Arguments.of("NaN inside JSON makes it fail: empty string",
                        AnyValue.ofArray(AnyValue.of(1), AnyValue.of(Double.NaN)), ""),
                Arguments.of("Inf inside a kvlist: empty string",
                        AnyValue.ofKvList(KeyValue.of("x", AnyValue.of(Double.POSITIVE_INFINITY))), ""),
                Arguments.of("-Inf nested deeper: still an empty string, not -Infinity",
                        AnyValue.ofArray(AnyValue.of("a<b"), AnyValue.ofArray(AnyValue.of(Double.NEGATIVE_INFINITY))),
                        ""),
                Arguments.of("exponent inside JSON", AnyValue.ofArray(AnyValue.of(1e-7), AnyValue.of(1e21)),
                        "[1e-7,1e+21]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void asString(String name, AnyValue value, String expected) {
        assertThat(value.asString()).isEqualTo(expected);
    }

    @Test
    void kvListKeysSortBytewiseLikeGo() {
        // U+FF5E sorts before U+1F600 in UTF-8 but after its surrogates in UTF-16
        AnyValue value = AnyValue.ofKvList(KeyValue.of("\uD83D\uDE00", "emoji"), KeyValue.of("\uFF5E", "tilde"),
                KeyValue.of("Z", "upper"));

        assertThat(value.asString()).isEqualTo("{\"Z\":\"upper\",\"\uFF5E\":\"tilde\",\"\uD83D\uDE00\":\"emoji\"}");
    }

    @Test
    void typesAndAccessors() {
        assertThat(AnyValue.empty().type()).isEqualTo(AnyValue.Type.EMPTY);
        assertThat(AnyValue.of("s").stringValue()).isEqualTo("s");
        assertThat(AnyValue.of(true).boolValue()).isTrue();
        assertThat(AnyValue.of(7).intValue()).isEqualTo(7);
        assertThat(AnyValue.of(7).type()).isEqualTo(AnyValue.Type.INT);
        assertThat(AnyValue.of(7.5).doubleValue()).isEqualTo(7.5);
        assertThat(AnyValue.ofBytes(new byte[] {3}).bytesValue()).containsExactly(3);
        assertThat(AnyValue.ofArray(AnyValue.of(1)).arrayValue()).containsExactly(AnyValue.of(1));
        assertThat(AnyValue.ofKvList(KeyValue.of("k", "v")).kvListValue()).containsExactly(KeyValue.of("k", "v"));
        assertThat(AnyValue.ofKvList(List.of()).type()).isEqualTo(AnyValue.Type.KVLIST);
    }

    static Stream<Arguments> wrongAccessor() {
        List<Function<AnyValue, Object>> accessors = List.of(AnyValue::stringValue, AnyValue::boolValue,
                AnyValue::intValue, AnyValue::doubleValue, AnyValue::bytesValue, AnyValue::arrayValue,
                AnyValue::kvListValue);
        List<AnyValue> values = List.of(AnyValue.of("s"), AnyValue.of(true), AnyValue.of(1), AnyValue.of(1.0),
                AnyValue.ofBytes(new byte[0]), AnyValue.ofArray(), AnyValue.ofKvList());
        List<Arguments> cases = new ArrayList<>();
        for (int v = 0; v < values.size(); v++) {
            for (int a = 0; a < accessors.size(); a++) {
                if (a != v) {
                    cases.add(Arguments.of(values.get(v), a, accessors.get(a)));
                }
            }
            cases.add(Arguments.of(AnyValue.empty(), v, accessors.get(v)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} accessor #{1}")
    @MethodSource
    void wrongAccessor(AnyValue value, int accessorIndex, Function<AnyValue, Object> accessor) {
        assertThatThrownBy(() -> accessor.apply(value)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(value.type().name());
    }

    @Test
    void valuesAreImmutable() {
        byte[] bytes = {1, 2};
        AnyValue value = AnyValue.ofBytes(bytes);
        bytes[0] = 9;
        value.bytesValue()[1] = 9;
        assertThat(value.bytesValue()).containsExactly(1, 2);

        List<AnyValue> items = new ArrayList<>(List.of(AnyValue.of(1)));
        AnyValue array = AnyValue.ofArray(items);
        items.add(AnyValue.of(2));
        assertThat(array.arrayValue()).hasSize(1);
        assertThatThrownBy(() -> array.arrayValue().add(AnyValue.of(3)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void structuralEquality() {
        assertThat(AnyValue.ofBytes(new byte[] {1})).isEqualTo(AnyValue.ofBytes(new byte[] {1}))
                .hasSameHashCodeAs(AnyValue.ofBytes(new byte[] {1}));
        assertThat(AnyValue.ofBytes(new byte[] {1})).isNotEqualTo(AnyValue.ofBytes(new byte[] {2}));
        assertThat(AnyValue.ofArray(AnyValue.of("a"))).isEqualTo(AnyValue.ofArray(List.of(AnyValue.of("a"))));
        assertThat(AnyValue.of(1)).isNotEqualTo(AnyValue.of(1.0));
        assertThat(AnyValue.of(Double.NaN)).isEqualTo(AnyValue.of(Double.NaN));
        assertThat(AnyValue.of("")).isNotEqualTo(AnyValue.empty());
    }

    @Test
    void nullsAreRejected() {
        assertThatThrownBy(() -> AnyValue.of((String) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> KeyValue.of(null, "v")).isInstanceOf(NullPointerException.class);
    }
}
