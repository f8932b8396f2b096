package io.otelier.processor.batch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.pdata.Logs;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.Traces;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignalShapeTest {

    /** One signal's shape, a 24-item input and its flat view. */
    private record Case<T extends Telemetry>(String name, SignalShape<T> shape, Supplier<T> input,
            Function<T, List<String>> flat) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case<?>> signals() {
        return Stream.of(
                new Case<>("traces", SignalShape.TRACES, () -> TestData.traces("t", 2, 3, 4), TestData::flat),
                new Case<>("metrics", SignalShape.METRICS, () -> TestData.metrics("m", 2, 3, 4), TestData::flat),
                new Case<>("logs", SignalShape.LOGS, () -> TestData.logs("l", 2, 3, 4), TestData::flat));
    }

    static Stream<Arguments> splits() {
        int[][] cutSets = {{1}, {4}, {5}, {12}, {23}, {5, 10}, {3, 6, 9, 12, 15, 18, 21}, {1, 2, 3, 4, 5, 6, 7},
                {7, 19, 20}};
        return signals().flatMap(c -> Stream.of(cutSets).map(cuts -> Arguments.of(c, cuts)));
    }

    /** Every piece has the expected size; in order they hold every item once, each under its own parents. */
    @ParameterizedTest(name = "{0} cut at {1}")
    @MethodSource("splits")
    <T extends Telemetry> void splitKeepsOrderAndGrouping(Case<T> c, int[] cuts) {
        List<String> expected = c.flat().apply(c.input().get());
        assertThat(expected).hasSize(24);

        List<T> pieces = c.shape().split(c.input().get(), 24, cuts);

        assertThat(pieces).hasSize(cuts.length + 1);
        List<String> joined = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            int start = i == 0 ? 0 : cuts[i - 1];
            int end = i == cuts.length ? 24 : cuts[i];
            assertThat(pieces.get(i).itemCount()).as("piece %d", i).isEqualTo(end - start);
            joined.addAll(c.flat().apply(pieces.get(i)));
        }
        assertThat(joined).isEqualTo(expected);
    }

    @Test
    void aScopeCutInTwoAppearsInBothPiecesAndNothingEmptyIsLeft() {
        Traces data = TestData.traces("t", 2, 2, 3); // r0: s0(3) s1(3); r1: s0(3) s1(3)
        List<Traces> pieces = SignalShape.TRACES.split(data, 12, new int[] {5});
        Traces head = pieces.get(0);
        Traces tail = pieces.get(1);
        assertThat(head.resourceSpans().size()).isEqualTo(1);
        assertThat(head.resourceSpans().get(0).scopeSpans().size()).isEqualTo(2);
        assertThat(head.resourceSpans().get(0).scopeSpans().get(1).spans().size()).isEqualTo(2);
        assertThat(tail.resourceSpans().size()).isEqualTo(2);
        assertThat(tail.resourceSpans().get(0).scopeSpans().size()).isEqualTo(1);
        assertThat(tail.resourceSpans().get(0).scopeSpans().get(0).spans().get(0).name()).isEqualTo("span2");
        assertThat(tail.resourceSpans().get(0).resource()).isEqualTo(head.resourceSpans().get(0).resource());
    }

    @Test
    void aMetricCutInTwoKeepsItsHeaderInBothPieces() {
        Metrics data = TestData.metrics("m", 1, 1, 10);
        List<Metrics> pieces = SignalShape.METRICS.split(data, 10, new int[] {4});
        var head = pieces.get(0).resourceMetrics().get(0).scopeMetrics().get(0).metrics().get(0);
        var tail = pieces.get(1).resourceMetrics().get(0).scopeMetrics().get(0).metrics().get(0);
        assertThat(head.sum().dataPoints().size()).isEqualTo(4);
        assertThat(tail.sum().dataPoints().size()).isEqualTo(6);
        assertThat(tail.name()).isEqualTo(head.name()).isEqualTo("metric0");
        assertThat(tail.metadata()).isEqualTo(head.metadata());
        assertThat(tail.sum().isMonotonic()).isTrue();
    }

    @Test
    void emptyContainersStayOnTheSideOfTheCutWhereTheyStand() {
        Logs data = TestData.logs("l", 1, 1, 2);
        data.resourceLogs().get(0).scopeLogs().addNew().scope().setName("empty-scope");
        SignalShape.LOGS.moveAll(TestData.logs("x", 1, 1, 2), data);
        // items: r0 {scope0: 0, 1; empty-scope: (at 2)}, r1 {scope0: 2, 3}
        List<Logs> pieces = SignalShape.LOGS.split(data, 4, new int[] {1});
        var headR0 = pieces.get(0).resourceLogs().get(0);
        var tailR0 = pieces.get(1).resourceLogs().get(0);
        assertThat(headR0.scopeLogs().size()).isEqualTo(1);
        assertThat(tailR0.scopeLogs().size()).isEqualTo(2);
        assertThat(tailR0.scopeLogs().get(1).scope().name()).isEqualTo("empty-scope");

        // a resource wholly on one side keeps its empty scope with it, like upstream's whole-resource move
        Logs again = TestData.logs("l", 1, 1, 2);
        again.resourceLogs().get(0).scopeLogs().addNew().scope().setName("empty-scope");
        SignalShape.LOGS.moveAll(TestData.logs("x", 1, 1, 2), again);
        List<Logs> atTwo = SignalShape.LOGS.split(again, 4, new int[] {2});
        assertThat(atTwo.get(0).resourceLogs().get(0).scopeLogs().size()).isEqualTo(2);
        assertThat(atTwo.get(1).resourceLogs().size()).isEqualTo(1);
    }

    @Test
    void takesOverMutableDataByMovingIt() {
        Traces received = TestData.traces(3);
        List<String> before = TestData.flat(received);
        Traces owned = SignalShape.TRACES.takeOwnership(received);
        assertThat(TestData.flat(owned)).isEqualTo(before);
        assertThat(received.isEmpty()).as("moved, like upstream's MoveAndAppendTo").isTrue();
    }

    @Test
    void copiesReadOnlyDataAndLeavesItAlone() {
        Metrics received = TestData.metrics("m", 1, 2, 2);
        Metrics pristine = received.deepCopy();
        received.markReadOnly();
        Metrics owned = SignalShape.METRICS.takeOwnership(received);
        assertThat(owned).isEqualTo(pristine);
        assertThat(received).isEqualTo(pristine);
        assertThat(owned.isReadOnly()).isFalse();
        SignalShape.METRICS.split(owned, 4, new int[] {1}); // the copy can be cut
        assertThat(received).isEqualTo(pristine);
    }

    @Test
    void countsItemsAtEveryLevel() {
        Metrics data = TestData.metrics("m", 2, 3, 4);
        data.resourceMetrics().get(0).scopeMetrics().get(0).metrics().addNew().setName("no-data");
        assertThat(SignalShape.METRICS.count(data, 0)).isEqualTo(24).isEqualTo(data.itemCount());
        assertThat(SignalShape.METRICS.count(data.resourceMetrics().get(1), 1)).isEqualTo(12);
    }
}
