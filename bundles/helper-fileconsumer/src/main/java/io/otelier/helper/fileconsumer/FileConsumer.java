package io.otelier.helper.fileconsumer;

import io.otelier.api.storage.StorageClient;
import io.otelier.api.telemetry.Logger;
import io.otelier.helper.fileconsumer.internal.Poller;
import io.otelier.helper.fileconsumer.internal.ReaderSettings;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Tails the files a {@link FileConsumerConfig} matches (upstream fileconsumer.Manager): every poll_interval it
 * matches the globs, reads what is new in each file from where it left off, and hands the entries to the
 * {@link Emitter}. Files are told apart by their first bytes, so renamed and copied-then-truncated files are
 * followed and nothing is read twice; with a {@link StorageClient} the offsets survive restarts.
 *
 * <p>Lifecycle: {@link #start} once, {@link #stop} once (which waits for the polling thread and saves the offsets).
 */
public final class FileConsumer {

    private final FileConsumerConfig config;
    private final Logger logger;
    private final Poller poller;
    private final String threadName;
    private final Object sleeper = new Object();
    private volatile boolean stopped;
    private Thread thread;

    /**
     * @param threadName names the polling thread, e.g. after the component id
     * @throws io.otelier.api.config.ConfigException when the config is invalid
     */
    public FileConsumer(FileConsumerConfig config, Emitter emitter, Logger logger, String threadName) {
        this(config, emitter, logger, threadName, System::currentTimeMillis);
    }

    /** For tests: a clock for force_flush_period and exclude_older_than. */
    public FileConsumer(FileConsumerConfig config, Emitter emitter, Logger logger, String threadName,
            LongSupplier clockMillis) {
        config.validate();
        this.config = config;
        Logger withComponent = logger.with("component", "fileconsumer");
        this.logger = withComponent;
        this.poller = new Poller(config, new ReaderSettings(config, emitter, withComponent, clockMillis),
                () -> stopped);
        this.threadName = threadName;
    }

    /**
     * Restores offsets from {@code storage} (null: offsets live in memory only) and starts polling.
     *
     * @throws IOException when the stored offsets cannot be read
     */
    public synchronized void start(StorageClient storage) throws IOException {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        poller.start(storage);
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Polls once on the caller's thread; for tests and for callers that drive polling themselves. */
    public void pollOnce() {
        poller.poll();
    }

    /**
     * Asks the poll in progress to end without waiting for it: from now on no offset moves past entries whose
     * emission is still under way. Call it before aborting what the {@link Emitter} may be blocked on (retries),
     * then {@link #stop}.
     */
    public void beginStop() {
        stopped = true;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
    }

    /** Stops polling, waits for the poll in progress, closes the files and saves the offsets. */
    public void stop() throws InterruptedException {
        beginStop();
        Thread t;
        synchronized (this) {
            t = thread;
            thread = null;
        }
        if (t != null) {
            // no interrupt: it would close the FileChannel being read (ClosedByInterruptException)
            t.join();
        }
        poller.stop();
    }

    private void run() {
        long interval = config.pollInterval().toNanos();
        long next = System.nanoTime() + interval;
        while (!stopped) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                synchronized (sleeper) {
                    try {
                        if (!stopped) {
                            TimeUnit.NANOSECONDS.timedWait(sleeper, wait);
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (stopped || System.nanoTime() < next) {
                    continue;
                }
            }
            try {
                poller.poll();
            } catch (VirtualMachineError e) {
                logger.error("poll failed; polling stops", e);
                throw e;
            } catch (RuntimeException | Error e) {
                // a bug or a broken bundle must not end the polling thread silently
                logger.error("poll failed", e);
            }
            // like Go's ticker: a slow poll drops the ticks it overran
            long now = System.nanoTime();
            next += interval;
            if (next <= now) {
                next = now + interval - (now - next) % interval;
            }
        }
    }
}
