package io.otelier.runtime.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelier.api.consumer.Consumer;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.pdata.Traces;
import io.otelier.testkit.SinkConsumer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PipelineGateTest {

    @Test
    void aClosedGateRefusesRetryablyAfterItsHoldTime() {
        PipelineGate<Traces> gate = new PipelineGate<>("traces", 50);
        gate.refuseBecause("waits for exporter \"x\"");
        long start = System.nanoTime();
        assertThatThrownBy(() -> gate.consume(RequestContext.EMPTY, new Traces()))
                .isInstanceOf(RetryableException.class)
                .hasMessage("pipeline \"traces\" waits for exporter \"x\"; retry later");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(45);
    }

    @Test
    void aClosedGateMayBlockAndAnOpenOneAnswersForItsPipeline() {
        PipelineGate<Traces> gate = new PipelineGate<>("traces", 1_000);
        Consumer<Traces> quick = new Consumer<>() {
            @Override
            public void consume(RequestContext context, Traces data) {
            }

            @Override
            public boolean mayBlock() {
                return false;
            }
        };
        assertThat(gate.mayBlock()).as("closed").isTrue();
        gate.prepare(quick, false);
        assertThat(gate.mayBlock()).as("prepared but closed").isTrue();
        gate.open();
        assertThat(gate.mayBlock()).as("open, quick pipeline").isFalse();
        gate.close("is being rebuilt", 1_000);
        assertThat(gate.mayBlock()).as("closed again").isTrue();
        gate.prepare(new SinkConsumer<>(), false);
        gate.open();
        assertThat(gate.mayBlock()).as("open, pipeline keeping the default").isTrue();
    }

    @Test
    void callersHeldAtAClosedGateGoOnWhenItOpens() throws Exception {
        PipelineGate<Traces> gate = new PipelineGate<>("traces", 10_000);
        SinkConsumer<Traces> sink = new SinkConsumer<>();
        CompletableFuture<Void> held = CompletableFuture.runAsync(() -> {
            try {
                gate.consume(RequestContext.EMPTY, new Traces());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        assertThat(held).isNotDone();
        gate.prepare(sink, false);
        gate.open();
        held.get(5, TimeUnit.SECONDS);
        assertThat(sink.received()).hasSize(1);
    }

    @Test
    void closingWaitsForTheCallsInside() throws Exception {
        PipelineGate<Traces> gate = new PipelineGate<>("traces", 10_000);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        gate.prepare((ctx, data) -> {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, true);
        gate.open();
        CompletableFuture.runAsync(() -> {
            try {
                gate.consume(RequestContext.EMPTY, new Traces());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        inside.await();
        assertThat(gate.mutatesData()).isTrue();
        assertThat(gate.close("is being rebuilt", 50)).as("a call is still inside").isFalse();
        release.countDown();
        assertThat(gate.close("is being rebuilt", 5_000)).isTrue();
        assertThat(gate.isOpen()).isFalse();
    }
}
