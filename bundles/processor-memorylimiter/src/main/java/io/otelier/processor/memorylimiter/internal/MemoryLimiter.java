package io.otelier.processor.memorylimiter.internal;

import io.otelier.api.component.StatusReporter;
import io.otelier.api.consumer.RetryableException;
import io.otelier.api.telemetry.Logger;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Watches the heap and decides whether data must be refused (upstream internal/memorylimiter.MemoryLimiter).
 * One instance is shared by every processor instance of the same component id and config, so the pipelines
 * of one {@code memory_limiter} do not force GCs independently. A timer thread runs {@link #check()} every
 * {@code check_interval} while at least one of them is started.
 *
 * <p>Above the soft limit ({@code limit - spike}) data is refused; a GC is forced at most every
 * {@code min_gc_interval_when_soft_limited}. Above the hard limit a GC is forced at most every
 * {@code min_gc_interval_when_hard_limited}. A forced GC that reclaims less than 5% and leaves the heap above
 * the soft limit doubles the pause before the next one, up to the {@code max_gc_interval_*} caps (upstream
 * v0.156, issue #4981: fruitless GCs starve the recovery of CPU).
 */
final class MemoryLimiter {

    /** Upstream's ErrDataRefused text. */
    static final String DATA_REFUSED = "data refused due to high memory usage";

    /** A forced GC is effective when it reclaims at least this share (in percent) of the heap in use. */
    private static final long GC_EFFECTIVENESS_PERCENT = 5;

    private final HeapLimits limits;
    private final long checkIntervalNanos;
    private final long minGcSoftNanos;
    private final long minGcHardNanos;
    private final long maxGcSoftNanos;
    private final long maxGcHardNanos;
    private final LongSupplier heapInUse;
    private final Runnable gc;
    private final LongSupplier nanoClock;
    private final Logger log;
    private final String threadName;

    private volatile boolean refusing;
    /** Started processors; the timer runs while this is not empty. A reporter may appear more than once. */
    private final List<StatusReporter> users = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService timer;
    /** The timer's thread, joined at stop: an executor's termination comes a moment before its thread ends. */
    private Thread timerThread;

    // State of the check, touched only under checkLock.
    private final Object checkLock = new Object();
    private long lastGcDone;
    private long lastUsed;
    private long softGcBackoffNanos;
    private long hardGcBackoffNanos;

    MemoryLimiter(MemoryLimiterConfig config, HeapLimits limits, Logger log, String threadName,
            LongSupplier heapInUse, Runnable gc, LongSupplier nanoClock) {
        this.limits = limits;
        this.checkIntervalNanos = config.checkInterval().toNanos();
        this.minGcSoftNanos = config.minGcIntervalWhenSoftLimited().toNanos();
        this.minGcHardNanos = config.minGcIntervalWhenHardLimited().toNanos();
        this.maxGcSoftNanos = config.maxGcIntervalWhenSoftLimited().toNanos();
        this.maxGcHardNanos = config.maxGcIntervalWhenHardLimited().toNanos();
        this.heapInUse = heapInUse;
        this.gc = gc;
        this.nanoClock = nanoClock;
        this.log = log;
        this.threadName = threadName;
        this.lastGcDone = nanoClock.getAsLong();
        log.info("Memory limiter configured", "limit_mib", limits.hard() / HeapLimits.MIB,
                "spike_limit_mib", limits.spike() / HeapLimits.MIB, "check_interval", config.checkInterval());
    }

    /** A limiter on the real heap: heap in use from the MemoryMXBean, {@code System.gc()}, the JVM's max heap. */
    static MemoryLimiter onJvmHeap(MemoryLimiterConfig config, Logger log, String threadName) {
        LongSupplier maxHeap = () -> Runtime.getRuntime().maxMemory();
        HeapLimits limits = HeapLimits.of(config, maxHeap);
        if (config.limitMib() == 0) {
            log.info("Using percentage memory limiter", "total_memory_mib", maxHeap.getAsLong() / HeapLimits.MIB,
                    "limit_percentage", config.limitPercentage(), "spike_limit_percentage",
                    config.spikeLimitPercentage());
        }
        return new MemoryLimiter(config, limits, log, threadName, MemoryLimiter::jvmHeapInUse, System::gc,
                System::nanoTime);
    }

    static long jvmHeapInUse() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** True while the heap is above the soft limit, as of the latest check. */
    boolean mustRefuse() {
        return refusing;
    }

    /** Registers a started processor; the first one starts the timer. */
    synchronized void start(StatusReporter status) {
        users.add(status);
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread t = new Thread(runnable, threadName);
                t.setDaemon(true);
                timerThread = t;
                return t;
            });
            timer.scheduleWithFixedDelay(this::checkSafely, checkIntervalNanos, checkIntervalNanos,
                    TimeUnit.NANOSECONDS);
        }
    }

    /** Unregisters a processor that was started; the last one stops the timer and waits for it. */
    void stop(StatusReporter status) throws InterruptedException {
        ScheduledExecutorService stopping = null;
        Thread stoppingThread = null;
        synchronized (this) {
            users.remove(status);
            if (users.isEmpty() && timer != null) {
                stopping = timer;
                stoppingThread = timerThread;
                timer = null;
                timerThread = null;
            }
        }
        if (stopping != null) {
            stopping.shutdownNow();
            stopping.awaitTermination(1, TimeUnit.MINUTES);
        }
        if (stoppingThread != null) {
            stoppingThread.join(TimeUnit.MINUTES.toMillis(1));
        }
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            // an exception would cancel the timer for good: log it and keep checking
            log.error("Memory check failed", e);
        }
    }

    /** One measurement: updates the refusal state and forces a GC when the limits and intervals say so. */
    void check() {
        synchronized (checkLock) {
            long used = heapInUse.getAsLong();
            log.debug("Currently used memory.", "cur_mem_mib", used / HeapLimits.MIB);
            boolean aboveSoft = observe(used, false);
            if (!aboveSoft) {
                if (refusing) {
                    log.info("Memory usage back within limits. Resuming normal operation.", "cur_mem_mib",
                            used / HeapLimits.MIB);
                    setRefusing(false);
                }
                return;
            }
            if (limits.aboveHard(used)) {
                if (sinceLastGc() > Math.max(minGcHardNanos, hardGcBackoffNanos)) {
                    log.warn("Memory usage is above hard limit. Forcing a GC.", "cur_mem_mib", used / HeapLimits.MIB);
                    used = forceGc();
                    aboveSoft = observe(used, true);
                }
            } else if (sinceLastGc() > Math.max(minGcSoftNanos, softGcBackoffNanos)) {
                log.info("Memory usage is above soft limit. Forcing a GC.", "cur_mem_mib", used / HeapLimits.MIB);
                used = forceGc();
                aboveSoft = observe(used, true);
            }
            if (aboveSoft && !refusing) {
                log.warn("Memory usage is above soft limit. Refusing data.", "cur_mem_mib", used / HeapLimits.MIB);
            }
            setRefusing(aboveSoft);
        }
    }

    private void setRefusing(boolean refuse) {
        if (refuse == refusing) {
            return;
        }
        refusing = refuse;
        // Status goes to every started processor of this limiter, so each pipeline's health reflects it.
        for (StatusReporter status : users) {
            if (refuse) {
                status.recoverableError(new RetryableException(DATA_REFUSED));
            } else {
                status.ok();
            }
        }
    }

    private long sinceLastGc() {
        return nanoClock.getAsLong() - lastGcDone;
    }

    private long forceGc() {
        gc.run();
        lastGcDone = nanoClock.getAsLong();
        long used = heapInUse.getAsLong();
        log.info("Memory usage after GC.", "cur_mem_mib", used / HeapLimits.MIB);
        return used;
    }

    /**
     * Classifies a reading: memory that came down (below the soft limit, or by at least 5% since the previous
     * reading) resets both GC backoffs; a forced GC that did not bring it down doubles them.
     *
     * @return whether the reading is above the soft limit
     */
    private boolean observe(long used, boolean afterForcedGc) {
        boolean aboveSoft = limits.aboveSoft(used);
        boolean cameDown = !aboveSoft || used <= lastUsed / 100 * (100 - GC_EFFECTIVENESS_PERCENT);
        lastUsed = used;
        if (cameDown) {
            softGcBackoffNanos = 0;
            hardGcBackoffNanos = 0;
        } else if (afterForcedGc) {
            softGcBackoffNanos = nextBackoff(softGcBackoffNanos, minGcSoftNanos, maxGcSoftNanos);
            hardGcBackoffNanos = nextBackoff(hardGcBackoffNanos, minGcHardNanos, maxGcHardNanos);
            log.warn("Forced GC did not reclaim enough memory. Will back off GC frequency to preserve CPU for recovery.",
                    "next_soft_gc_interval", Duration.ofNanos(softGcBackoffNanos),
                    "next_hard_gc_interval", Duration.ofNanos(hardGcBackoffNanos),
                    "cur_mem_mib", used / HeapLimits.MIB);
        }
        return aboveSoft;
    }

    /**
     * The pause after one more ineffective GC: a cap of 0 disables backoff (the min applies); otherwise it
     * starts just under one check interval (so the next tick still passes the gate despite timer slop), doubles,
     * and stops at the cap.
     */
    private long nextBackoff(long current, long min, long max) {
        if (max == 0) {
            return min;
        }
        long floor = Math.max(min, checkIntervalNanos / 100 * 95);
        return Math.min(Math.max(current, floor) * 2, Math.max(max, min));
    }
}
