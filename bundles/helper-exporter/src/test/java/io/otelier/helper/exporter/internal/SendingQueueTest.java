package io.otelier.helper.exporter.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.PermanentException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.helper.exporter.QueueSettings;
import io.otelier.helper.exporter.QueuedRequest;
import io.otelier.pdata.Traces;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SendingQueueTest {

    private static SendingQueue<Traces> queue(String sizer, long capacity) {
        return new SendingQueue<>(new InMemoryQueueStorage<>(), Sizers.of(sizer, null), capacity, false, false);
    }

    static Stream<Arguments> capacities() {
        return Stream.of(
                // offers are batches of this many spans; "x" marks a refusal
                Arguments.of("requests: 3 of any size fit in 3", QueueSettings.SIZER_REQUESTS, 3,
                        List.of(100, 1, 50, 1), List.of("ok", "ok", "ok", "x"), 3),
                Arguments.of("items: 6+5 exceeds 10, 4 still fits", QueueSettings.SIZER_ITEMS, 10,
                        List.of(6, 5, 4, 1), List.of("ok", "x", "ok", "x"), 10),
                Arguments.of("items: a batch above the capacity never fits", QueueSettings.SIZER_ITEMS, 10,
                        List.of(11, 10), List.of("too large", "ok"), 10),
                Arguments.of("items: empty batches are ignored", QueueSettings.SIZER_ITEMS, 1,
                        List.of(0, 0, 1, 0), List.of("ok", "ok", "ok", "ok"), 1),
                Arguments.of("requests: empty batches still count", QueueSettings.SIZER_REQUESTS, 1,
                        List.of(0, 0), List.of("ok", "x"), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("capacities")
    void sizerDecidesWhatFits(String name, String sizer, long capacity, List<Integer> spans, List<String> expected,
            long expectedSize) {
        SendingQueue<Traces> q = queue(sizer, capacity);
        List<String> outcomes = new ArrayList<>();
        for (int n : spans) {
            try {
                q.offer(RequestContext.EMPTY, TestData.traces("b", n));
                outcomes.add("ok");
            } catch (ConsumerException e) {
                assertThat(e).isInstanceOf(RetryableException.class);
                outcomes.add(e.getMessage().equals("sending queue is full") ? "x"
                        : e.getMessage().equals("element size too large") ? "too large" : e.getMessage());
            }
        }
        assertThat(outcomes).containsExactlyElementsOf(expected);
        assertThat(q.size()).isEqualTo(expectedSize);
        assertThat(q.capacity()).isEqualTo(capacity);
    }

    @Test
    void requestsBeingSentKeepTheirCapacityUntilDone() throws Exception {
        SendingQueue<Traces> q = queue(QueueSettings.SIZER_ITEMS, 5);
        q.offer(RequestContext.EMPTY, TestData.traces("a", 5));

        SendingQueue.Taken<Traces> taken = q.take();
        assertThat(taken.size()).isEqualTo(5);
        assertThat(q.size()).isEqualTo(5);
        assertThatThrownBy(() -> q.offer(RequestContext.EMPTY, TestData.traces("b", 1)))
                .hasMessage("sending queue is full");

        q.done(taken, null);
        assertThat(q.size()).isZero();
        q.offer(RequestContext.EMPTY, TestData.traces("b", 1));
        assertThat(q.size()).isEqualTo(1);
    }

    @Test
    void firstInFirstOut() throws Exception {
        SendingQueue<Traces> q = queue(QueueSettings.SIZER_REQUESTS, 10);
        for (String name : List.of("a", "b", "c")) {
            q.offer(RequestContext.EMPTY, TestData.traces(name, 1));
        }
        assertThat(List.of(TestData.label(q.take().request().data()), TestData.label(q.take().request().data()),
                TestData.label(q.take().request().data()))).containsExactly("a", "b", "c");
    }

    @Test
    void blockOnOverflowWaitsForSpaceThenProceeds() throws Exception {
        SendingQueue<Traces> q = new SendingQueue<>(new InMemoryQueueStorage<>(),
                Sizers.of(QueueSettings.SIZER_REQUESTS, null), 1, true, false);
        q.offer(RequestContext.EMPTY, TestData.traces("a", 1));
        CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
            try {
                q.offer(RequestContext.EMPTY, TestData.traces("b", 1));
            } catch (ConsumerException e) {
                throw new IllegalStateException(e);
            }
        });

        Thread.sleep(200);
        assertThat(blocked).isNotDone();

        q.done(q.take(), null);
        blocked.get(5, TimeUnit.SECONDS);
        assertThat(TestData.label(q.take().request().data())).isEqualTo("b");
    }

    @Test
    void drainStopHandsOutWhatIsLeftThenEnds() throws Exception {
        SendingQueue<Traces> q = queue(QueueSettings.SIZER_REQUESTS, 10);
        q.offer(RequestContext.EMPTY, TestData.traces("a", 1));
        q.offer(RequestContext.EMPTY, TestData.traces("b", 1));

        q.stop(SendingQueue.StopMode.DRAIN);

        assertThatThrownBy(() -> q.offer(RequestContext.EMPTY, TestData.traces("late", 1)))
                .isInstanceOf(RetryableException.class).hasMessage("sending queue is stopped");
        assertThat(q.take()).isNotNull();
        assertThat(q.take()).isNotNull();
        assertThat(q.take()).isNull();
    }

    @Test
    void stopWakesACallerBlockedOnOverflowAndRefusesIt() throws Exception {
        SendingQueue<Traces> q = new SendingQueue<>(new InMemoryQueueStorage<>(),
                Sizers.of(QueueSettings.SIZER_REQUESTS, null), 1, true, false);
        q.offer(RequestContext.EMPTY, TestData.traces("a", 1));
        CompletableFuture<String> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                q.offer(RequestContext.EMPTY, TestData.traces("b", 1));
                return "accepted";
            } catch (ConsumerException e) {
                return e.getMessage();
            }
        });
        Thread.sleep(100);

        q.stop(SendingQueue.StopMode.DRAIN);

        assertThat(blocked.get(5, TimeUnit.SECONDS)).isEqualTo("sending queue is stopped");
    }

    @Test
    void retainStopEndsConsumersAndKeepsTheRest() throws Exception {
        SendingQueue<Traces> q = queue(QueueSettings.SIZER_REQUESTS, 10);
        q.offer(RequestContext.EMPTY, TestData.traces("a", 1));
        q.offer(RequestContext.EMPTY, TestData.traces("b", 1));
        SendingQueue.Taken<Traces> inFlight = q.take();

        q.stop(SendingQueue.StopMode.RETAIN);
        q.putBack(inFlight);

        assertThat(q.isRetaining()).isTrue();
        assertThat(q.take()).isNull();
        assertThat(q.storage().count()).isEqualTo(2);
        assertThat(TestData.label(q.storage().poll().data())).as("put back at the head").isEqualTo("a");
    }

    @Test
    void adoptedStorageIsMeasuredWithThisQueuesSizerAndKeepsOrder() throws Exception {
        InMemoryQueueStorage<Traces> handedOver = new InMemoryQueueStorage<>();
        handedOver.add(new QueuedRequest<>(RequestContext.EMPTY, TestData.traces("old1", 3)));
        handedOver.add(new QueuedRequest<>(RequestContext.EMPTY, TestData.traces("old2", 4)));
        SendingQueue<Traces> q = queue(QueueSettings.SIZER_ITEMS, 100);
        q.offer(RequestContext.EMPTY, TestData.traces("early", 2));

        q.adopt(handedOver);

        assertThat(q.size()).isEqualTo(9);
        assertThat(q.storage()).isSameAs(handedOver);
        assertThat(List.of(TestData.label(q.take().request().data()), TestData.label(q.take().request().data()),
                TestData.label(q.take().request().data()))).containsExactly("old1", "old2", "early");
    }

    @Test
    void waitForResultReportsTheOutcome() throws Exception {
        SendingQueue<Traces> q = new SendingQueue<>(new InMemoryQueueStorage<>(),
                Sizers.of(QueueSettings.SIZER_REQUESTS, null), 10, false, true);
        CompletableFuture<ConsumerException> ok = q.offer(RequestContext.EMPTY, TestData.traces("a", 1));
        CompletableFuture<ConsumerException> bad = q.offer(RequestContext.EMPTY, TestData.traces("b", 1));
        PermanentException failure = new PermanentException("rejected");

        q.done(q.take(), null);
        q.done(q.take(), failure);

        assertThat(ok).isCompletedWithValue(null);
        assertThat(bad).isCompletedWithValue(failure);
    }

    @Test
    void bytesSizerNeedsTheExportersFunction() {
        assertThatThrownBy(() -> Sizers.of(QueueSettings.SIZER_BYTES, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("byte sizer");
        assertThat(Sizers.<Traces>of(QueueSettings.SIZER_BYTES, t -> 42L).applyAsLong(TestData.traces("a", 1)))
                .isEqualTo(42L);
    }
}
