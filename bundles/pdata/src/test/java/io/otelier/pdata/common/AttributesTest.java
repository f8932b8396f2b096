package io.otelier.pdata.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributesTest {

    @Test
    void putOverloadsStoreTypedValues() {
        Attributes attributes = new Attributes().put("s", "v").put("l", 5).put("d", 2.5).put("b", true)
                .put("a", AnyValue.ofArray(AnyValue.of(1)));

        assertThat(attributes.size()).isEqualTo(5);
        assertThat(attributes.get("s")).contains(AnyValue.of("v"));
        assertThat(attributes.get("l")).contains(AnyValue.of(5));
        assertThat(attributes.get("d")).contains(AnyValue.of(2.5));
        assertThat(attributes.get("b")).contains(AnyValue.of(true));
        assertThat(attributes.get("missing")).isEmpty();
        assertThat(attributes.getOrNull("missing")).isNull();
        assertThat(attributes.containsKey("a")).isTrue();
    }

    @Test
    void replacingKeepsPositionAndRemovingKeepsOrder() {
        Attributes attributes = new Attributes().put("a", 1).put("b", 2).put("c", 3).put("d", 4);

        attributes.put("b", "two");
        assertThat(attributes.keys()).containsExactly("a", "b", "c", "d");
        assertThat(attributes.get("b")).contains(AnyValue.of("two"));

        assertThat(attributes.remove("a")).isTrue();
        assertThat(attributes.remove("a")).isFalse();
        assertThat(attributes.keys()).containsExactly("b", "c", "d");
        assertThat(attributes.key(0)).isEqualTo("b");
        assertThat(attributes.value(2)).isEqualTo(AnyValue.of(4));
        assertThatThrownBy(() -> attributes.key(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void growsPastItsInitialCapacity() {
        Attributes attributes = new Attributes();
        for (int i = 0; i < 100; i++) {
            attributes.put("k" + i, i);
        }
        attributes.put("k50", "replaced");

        assertThat(attributes.size()).isEqualTo(100);
        assertThat(attributes.key(99)).isEqualTo("k99");
        assertThat(attributes.value(50)).isEqualTo(AnyValue.of("replaced"));
    }

    @Test
    void removeIfAndClear() {
        Attributes attributes = new Attributes().put("keep1", 1).put("drop1", 2).put("keep2", 3).put("drop2", 4);

        assertThat(attributes.removeIf((key, value) -> key.startsWith("drop"))).isTrue();
        assertThat(attributes.removeIf((key, value) -> false)).isFalse();
        assertThat(attributes.asMap()).containsExactly(entry("keep1", AnyValue.of(1)), entry("keep2", AnyValue.of(3)));

        attributes.clear();
        assertThat(attributes.isEmpty()).isTrue();
        assertThat(attributes.keys()).isEmpty();
    }

    @Test
    void putAllAddsAndReplacesInOrder() {
        Attributes target = new Attributes().put("a", 1).put("b", 2);
        Attributes other = new Attributes().put("c", 3).put("a", "one");

        target.putAll(other);

        assertThat(target.keys()).containsExactly("a", "b", "c");
        assertThat(target.get("a")).contains(AnyValue.of("one"));
        assertThat(other.size()).isEqualTo(2);
    }

    @Test
    void viewsAreSnapshots() {
        Attributes attributes = new Attributes().put("a", 1);
        Map<String, AnyValue> map = attributes.asMap();
        List<String> keys = attributes.keys();
        List<KeyValue> entries = attributes.entries();

        attributes.put("b", 2);

        assertThat(map).containsOnlyKeys("a");
        assertThat(keys).containsExactly("a");
        assertThat(entries).containsExactly(KeyValue.of("a", AnyValue.of(1)));
        assertThatThrownBy(() -> map.put("x", AnyValue.empty())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> keys.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void forEachVisitsInInsertionOrder() {
        Attributes attributes = new Attributes().put("z", 1).put("a", 2);
        List<String> seen = new ArrayList<>();

        attributes.forEach((key, value) -> seen.add(key + "=" + value.asString()));

        assertThat(seen).containsExactly("z=1", "a=2");
    }

    @Test
    void equalityIgnoresOrder() {
        Attributes ab = new Attributes().put("a", 1).put("b", 2);
        Attributes ba = new Attributes().put("b", 2).put("a", 1);

        assertThat(ab).isEqualTo(ba).hasSameHashCodeAs(ba);
        assertThat(ab).isNotEqualTo(new Attributes().put("a", 1).put("b", 3));
        assertThat(ab).isNotEqualTo(new Attributes().put("a", 1));
        assertThat(ab.toString()).isEqualTo("{a=Int(1), b=Int(2)}");
    }

    @Test
    void copyToReplacesAndIsIndependent() {
        Attributes source = new Attributes().put("a", 1);
        Attributes dest = new Attributes().put("old", true);

        source.copyTo(dest);
        dest.put("b", 2);

        assertThat(dest.keys()).containsExactly("a", "b");
        assertThat(source.keys()).containsExactly("a");
    }

    @Test
    void nullKeysAndValuesAreRejected() {
        Attributes attributes = new Attributes();
        assertThatThrownBy(() -> attributes.put(null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> attributes.put("k", (AnyValue) null)).isInstanceOf(NullPointerException.class);
    }
}
