package io.otelier.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.launch.Framework;

/**
 * Starts the collector: a Felix framework whose storage is a fresh temporary directory of this process
 * (so several collectors run side by side from one distribution folder), with every bundle of
 * {@code bundles/} installed and started, and Felix FileInstall (one of those bundles) watching
 * {@code deploy/}: jars there are installed and started at startup and whenever they are dropped in, updated
 * when replaced and uninstalled when deleted (hot swap). Then it hands the command line to the runtime
 * bundle's main service and exits with its status.
 *
 * <p>Signals: SIGTERM/SIGINT run the JVM shutdown hook, which stops the framework; the runtime drains its
 * pipelines while it stops. SIGHUP asks the runtime to reload its config and never ends the process.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Path home = home();
        Path storage;
        try {
            storage = Files.createTempDirectory("otelier-framework-");
        } catch (IOException e) {
            System.err.println("Error: cannot create the framework's storage directory: " + e.getMessage());
            return 1;
        }
        Framework framework = new FrameworkFactory().newFramework(frameworkProperties(storage, home));
        ShutdownHook hook = new ShutdownHook(framework, storage);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            framework.init();
            BundleInstaller installer = new BundleInstaller(framework.getBundleContext());
            // deploy/ is FileInstall's: installing it here too would install every jar there twice
            installer.installAll(home.resolve("bundles"));
            framework.start();
            installer.startAll();
            Function<String[], Integer> main = RuntimeServices.awaitMain(framework.getBundleContext());
            if (main == null) {
                System.err.println("Error: the runtime bundle did not start (no io.otelier.runtime main service); "
                        + "check that bundles/ holds a complete distribution");
                return 1;
            }
            Signals.onHangup(() -> RuntimeServices.reload(framework.getBundleContext()));
            int status;
            while (true) {
                RuntimeServices.Restarts restarts = RuntimeServices.watchRestarts(framework.getBundleContext());
                try {
                    status = main.apply(args);
                } finally {
                    restarts.close();
                }
                // an infrastructure bundle (api, pdata, a helper, the runtime) was updated and refreshed: the
                // runtime drained and stopped its pipelines; run the same command again on the new bundles
                if (!restarts.happened() || hook.isRunning() || (framework.getState() & Bundle.ACTIVE) == 0) {
                    break;
                }
                System.err.println("info: the runtime was refreshed (an infrastructure bundle changed); restarting"
                        + " the collector");
                main = RuntimeServices.awaitMain(framework.getBundleContext());
                if (main == null) {
                    System.err.println("Error: the runtime did not come back after a refresh");
                    status = 1;
                    break;
                }
            }
            if (hook.isRunning()) {
                // the JVM is shutting down (SIGTERM): the hook stops the framework and cleans up
                return status;
            }
            hook.markNormalExit();
            hook.stopFramework();
            return status;
        } catch (Exception e) {
            if (hook.isRunning()) {
                // stopping on SIGTERM: the hook ends the process with the graceful-stop status
                return 0;
            }
            System.err.println("Error: " + describe(e));
            hook.markNormalExit();
            hook.stopFramework();
            return 1;
        }
    }

    /** FileInstall polls deploy/ this often (milliseconds). */
    static final String DEPLOY_POLL_MILLIS = "1000";

    static Map<String, String> frameworkProperties(Path storage, Path home) {
        Map<String, String> p = new HashMap<>();
        p.put("org.osgi.framework.storage", storage.toString());
        p.put("org.osgi.framework.storage.clean", "onFirstInit");
        // the JDK's HTTP server serves internal metrics; sun.misc is what netty and others probe for
        p.put("org.osgi.framework.system.packages.extra", "com.sun.net.httpserver;version=\"1.0\",sun.misc");
        // the runtime starts last and so stops first: it drains pipelines while factories are still there
        p.put("org.osgi.framework.startlevel.beginning", String.valueOf(BundleInstaller.RUNTIME_START_LEVEL));
        p.put("felix.startlevel.bundle", String.valueOf(BundleInstaller.DEFAULT_START_LEVEL));
        p.put("felix.log.level", "1");
        // hot deploy: FileInstall scans deploy/ once while it starts (before the runtime, which then waits for
        // those bundles), then every second; new bundles start at the components' level
        p.put("felix.fileinstall.dir", home.resolve("deploy").toString());
        p.put("felix.fileinstall.poll", DEPLOY_POLL_MILLIS);
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.filter", ".*\\.jar");
        p.put("felix.fileinstall.start.level", String.valueOf(BundleInstaller.DEFAULT_START_LEVEL));
        p.put("felix.fileinstall.bundles.new.start", "true");
        p.put("felix.fileinstall.bundles.updateWithListeners", "false");
        p.put("felix.fileinstall.enableConfigSave", "false");
        // its messages go to java.util.logging (stderr), never to stdout where `components` prints YAML
        p.put("felix.fileinstall.log.default", "jul");
        p.put("felix.fileinstall.log.level", "2");
        // its working folder inside the storage, which goes with it (its default, a fresh folder in /tmp that
        // only a normal JVM exit would delete, stayed behind after every SIGTERM)
        p.put("felix.fileinstall.tmpdir", storage.resolve("fileinstall").toString());
        // build info and switches for the runtime: every otelier.* system property passes through
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("otelier.")) {
                p.put(k.toString(), v.toString());
            }
        });
        return p;
    }

    /** The distribution folder: -Dotelier.home, or the parent of the folder holding this jar. */
    static Path home() {
        String configured = System.getProperty("otelier.home");
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured).toAbsolutePath();
        }
        try {
            Path jar = Paths.get(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().getParent();
        } catch (Exception e) {
            return Paths.get("").toAbsolutePath();
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("warning: could not remove " + root + ": " + describe(e));
        }
    }
}
