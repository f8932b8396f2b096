package io.otelier.pdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.pdata.trace.SpanEvent;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PListTest {

    private static PList<SpanEvent> events(String... names) {
        PList<SpanEvent> list = new PList<>(SpanEvent::new, SpanEvent::copyTo);
        for (String name : names) {
            list.addNew().setName(name);
        }
        return list;
    }

    private static String names(PList<SpanEvent> list) {
        return list.stream().map(SpanEvent::name).collect(Collectors.joining(","));
    }

    @Test
    void addNewAppendsEmptyElements() {
        PList<SpanEvent> list = events();
        SpanEvent first = list.addNew();

        assertThat(list.size()).isEqualTo(1);
        assertThat(list.isEmpty()).isFalse();
        assertThat(list.get(0)).isSameAs(first);
        assertThat(first).isEqualTo(new SpanEvent());
    }

    @Test
    void removeAndRemoveIf() {
        PList<SpanEvent> list = events("a", "b", "c", "d");

        assertThat(list.remove(1).name()).isEqualTo("b");
        assertThat(list.removeIf(e -> e.name().equals("d"))).isTrue();
        assertThat(list.removeIf(e -> false)).isFalse();
        assertThat(names(list)).isEqualTo("a,c");
        assertThatThrownBy(() -> list.remove(5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void iteratorWalksInOrderAndRemoves() {
        PList<SpanEvent> list = events("a", "b", "c");
        Iterator<SpanEvent> it = list.iterator();
        it.next();
        it.next();
        it.remove();

        assertThat(it.next().name()).isEqualTo("c");
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
        assertThat(names(list)).isEqualTo("a,c");
        StringBuilder visited = new StringBuilder();
        list.forEach(e -> visited.append(e.name()));
        for (SpanEvent e : list) {
            visited.append(e.name());
        }
        assertThat(visited).hasToString("acac");
    }

    @Test
    void moveAllToAppendsAndEmptiesTheSource() {
        PList<SpanEvent> source = events("c", "d");
        PList<SpanEvent> target = events("a", "b");

        source.moveAllTo(target);
        source.moveAllTo(target);
        target.moveAllTo(target);

        assertThat(source.isEmpty()).isTrue();
        assertThat(names(target)).isEqualTo("a,b,c,d");
    }

    @Test
    void copyToReplacesWithIndependentCopies() {
        PList<SpanEvent> source = events("a", "b");
        PList<SpanEvent> target = events("x");

        source.copyTo(target);
        target.get(0).setName("changed");

        assertThat(names(target)).isEqualTo("changed,b");
        assertThat(names(source)).isEqualTo("a,b");
    }

    @Test
    void sortAndClear() {
        PList<SpanEvent> list = events("c", "a", "b");
        list.ensureCapacity(100);

        list.sort(Comparator.comparing(SpanEvent::name));
        assertThat(names(list)).isEqualTo("a,b,c");

        list.clear();
        assertThat(list.size()).isZero();
    }

    @Test
    void equality() {
        assertThat(events("a", "b")).isEqualTo(events("a", "b")).hasSameHashCodeAs(events("a", "b"));
        assertThat(events("a", "b")).isNotEqualTo(events("b", "a"));
        assertThat(events("a")).hasToString("[" + events("a").get(0) + "]");
    }
}
