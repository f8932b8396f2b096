package io.otelier.processor.memorylimiter.internal;

import static io.otelier.processor.memorylimiter.internal.HeapLimits.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.ComponentStatus;
import io.otelier.api.component.StatusEvent;
import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.api.processor.Processor;
import io.otelier.pdata.Traces;
import io.otelier.testkit.SinkConsumer;
import io.otelier.testkit.TestHost;
import io.otelier.testkit.TestSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The processor on this JVM's real heap: a limit just above the current usage, a heap filled past it, then
 * freed. Nothing is simulated: the MemoryMXBean reading, the timer, System.gc().
 */
class RealHeapTest {

    private static final long HEADROOM_MIB = 256;
    private static final long SPIKE_MIB = 64;
    private static final int HOG_MIB = 384;

    @Test
    void refusesWhileTheHeapIsFullAndRecoversWhenItIsFreed() throws Exception {
        System.gc();
        long baselineMib = MemoryLimiter.jvmHeapInUse() / MIB;
        long maxHeapMib = Runtime.getRuntime().maxMemory() / MIB;
        assertThat(maxHeapMib).as("room for the test").isGreaterThan(baselineMib + HOG_MIB + 256);

        // soft limit = baseline + 192 MiB; GC as often as the checks run, no backoff, so recovery is prompt
        MemoryLimiterConfig config = new MemoryLimiterConfig(Duration.ofMillis(20), Duration.ZERO, Duration.ZERO,
                Duration.ZERO, Duration.ZERO, baselineMib + HEADROOM_MIB, SPIKE_MIB, 0, 0);
        config.validate();
        TestSettings test = TestSettings.of(ComponentKind.PROCESSOR, "memory_limiter/real");
        SinkConsumer<Traces> sink = new SinkConsumer<>();
        Processor<Traces> processor = new MemoryLimiterFactory().createTraces(test.settings, config, sink);
        processor.start(new TestHost());
        try {
            assertThat(acceptedWithin(processor, Duration.ofSeconds(10))).as("accepts at the baseline").isTrue();

            List<byte[]> hog = new ArrayList<>();
            for (int i = 0; i < HOG_MIB; i++) {
                byte[] block = new byte[(int) MIB];
                block[i % block.length] = 1;
                hog.add(block);
            }
            assertThat(refusedWithin(processor, Duration.ofSeconds(10))).as("refuses with the heap full").isTrue();
            assertThat(hog).hasSize(HOG_MIB); // keeps the blocks reachable until here

            hog = null;
            assertThat(acceptedWithin(processor, Duration.ofSeconds(20))).as("recovers once freed").isTrue();
            assertThat(test.logger.contains("Memory usage is above soft limit. Refusing data.")).isTrue();
            assertThat(test.statuses).extracting(StatusEvent::status)
                    .containsExactly(ComponentStatus.RECOVERABLE_ERROR, ComponentStatus.OK);
        } finally {
            processor.shutdown();
        }
    }

    private static boolean acceptedWithin(Processor<Traces> processor, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                processor.consume(RequestContext.EMPTY, TestData.traces(1));
                return true;
            } catch (RetryableException refused) {
                Thread.sleep(10);
            }
        }
        return false;
    }

    private static boolean refusedWithin(Processor<Traces> processor, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                processor.consume(RequestContext.EMPTY, TestData.traces(1));
                Thread.sleep(10);
            } catch (ConsumerException refused) {
                assertThat(refused).isInstanceOf(RetryableException.class)
                        .hasMessage("data refused due to high memory usage");
                return true;
            }
        }
        return false;
    }
}
