package io.otelier.helper.grpc.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads one server or channel owns: netty event loops and the executor grpc runs calls on. Each server
 * and channel has its own and stops them when it is done, so nothing lingers after a component shuts down
 * (grpc's shared defaults are released only a second after their last user, and are process-wide).
 */
public final class Threads {

    private static final long SPARE_THREAD_KEEP_ALIVE_SECONDS = 5;

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ExecutorService executor;

    private Threads(EventLoopGroup boss, EventLoopGroup workers, ExecutorService executor) {
        this.boss = boss;
        this.workers = workers;
        this.executor = executor;
    }

    /** One acceptor thread, netty's default number of I/O threads, and a cached pool for calls. */
    public static Threads forServer(String name) {
        return new Threads(group(1, name + "-boss"), group(0, name + "-worker"), executor(name + "-executor"));
    }

    /** I/O threads and a cached pool for callbacks and name resolution. */
    public static Threads forChannel(String name) {
        return new Threads(null, group(0, name + "-worker"), executor(name + "-executor"));
    }

    public EventLoopGroup boss() {
        return boss;
    }

    public EventLoopGroup workers() {
        return workers;
    }

    public ExecutorService executor() {
        return executor;
    }

    /** Stops all threads, waiting up to {@code timeout}; true when they all ended. */
    public boolean shutdown(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        executor.shutdown();
        if (boss != null) {
            boss.shutdownGracefully(0, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        workers.shutdownGracefully(0, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            boolean done = executor.awaitTermination(remaining(deadline), TimeUnit.NANOSECONDS);
            if (boss != null) {
                done &= boss.awaitTermination(remaining(deadline), TimeUnit.NANOSECONDS);
            }
            done &= workers.awaitTermination(remaining(deadline), TimeUnit.NANOSECONDS);
            if (!done) {
                executor.shutdownNow();
            }
            return done;
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean isTerminated() {
        return executor.isTerminated() && workers.isTerminated() && (boss == null || boss.isTerminated());
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static EventLoopGroup group(int threads, String name) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), NioIoHandler.newFactory());
    }

    /**
     * A cached pool, as {@link Executors#newCachedThreadPool} but letting a spare thread go after 5 s instead of
     * 60 s: a burst of slow calls (while the JIT warms up, or while the pipeline pushes back) leaves dozens of
     * idle threads, each holding its stack, which should not stay for a minute.
     */
    private static ExecutorService executor(String name) {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, SPARE_THREAD_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), new DefaultThreadFactory(name, true));
    }
}
