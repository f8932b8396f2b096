package io.otelier.processor.batch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.pdata.Traces;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingBatchTest {

    private final PendingBatch<Traces> pending = new PendingBatch<>(SignalShape.TRACES);
    private final List<String> added = new ArrayList<>();

    private void add(String tag, int spans) {
        Traces data = TestData.traces(tag, 1, 1, spans);
        added.addAll(TestData.flat(data));
        pending.add(data, spans);
    }

    @Test
    void withoutLimitTakesEverythingMergedInArrivalOrder() {
        add("a", 3);
        add("b", 2);
        add("c", 4);
        Traces batch = pending.take(0);
        assertThat(TestData.flat(batch)).isEqualTo(added);
        assertThat(batch.resourceSpans().size()).as("one resource per arrival").isEqualTo(3);
        assertThat(pending.itemCount()).isZero();
    }

    @Test
    void withLimitTakesOldestFirstAndSplitsOnlyTheStraddlingArrival() {
        add("a", 3);
        add("b", 5);
        add("c", 2);
        List<String> taken = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        while (pending.itemCount() > 0) {
            Traces batch = pending.take(4);
            sizes.add(batch.itemCount());
            taken.addAll(TestData.flat(batch));
        }
        assertThat(sizes).containsExactly(4, 4, 2);
        assertThat(taken).isEqualTo(added);
    }

    @Test
    void aHugeArrivalIsCutIntoPiecesOfTheLimit() {
        add("big", 1000);
        List<Integer> sizes = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        while (pending.itemCount() > 0) {
            Traces batch = pending.take(64);
            sizes.add(batch.itemCount());
            taken.addAll(TestData.flat(batch));
        }
        assertThat(sizes).hasSize(16).allMatch(s -> s == 64 || s == 1000 - 15 * 64);
        assertThat(taken).isEqualTo(added);
    }

    @Test
    void takingFromNothingIsABug() {
        assertThatThrownBy(() -> pending.take(1)).isInstanceOf(IllegalStateException.class);
    }
}
