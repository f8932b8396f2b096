package io.otelier.launcher;

import java.nio.file.Path;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;

/** Stops the framework (which makes the runtime drain) and removes its storage, on exit or on SIGTERM. */
final class ShutdownHook extends Thread {

    /** Upper bound on draining at SIGTERM, a little above the runtime's own stop timeout. */
    private static final long STOP_WAIT_MILLIS = 75_000;

    private final Framework framework;
    private final Path storage;
    private volatile boolean running;
    private volatile boolean normalExit;
    private boolean stopped;

    ShutdownHook(Framework framework, Path storage) {
        super("otelier-shutdown");
        this.framework = framework;
        this.storage = storage;
    }

    boolean isRunning() {
        return running;
    }

    /**
     * On SIGTERM/SIGINT: stop gracefully, then end with status 0 as upstream does after a clean shutdown
     * (the JVM would otherwise report 143/130 for the signal).
     */
    @Override
    public void run() {
        running = true;
        stopFramework();
        if (!normalExit) {
            Runtime.getRuntime().halt(0);
        }
    }

    /** Called before System.exit: the process ends with main's status, not the signal path's. */
    void markNormalExit() {
        normalExit = true;
    }

    synchronized void stopFramework() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            framework.stop();
            framework.waitForStop(STOP_WAIT_MILLIS);
        } catch (BundleException | InterruptedException | IllegalStateException e) {
            System.err.println("warning: framework stop: " + Main.describe(e));
        }
        Main.deleteTree(storage);
    }
}
