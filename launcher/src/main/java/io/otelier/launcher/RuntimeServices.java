package io.otelier.launcher;

import java.util.function.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The runtime bundle's services, found by a java.* type and a property so that the launcher (outside the
 * framework) and the runtime (inside it) share no class of ours.
 */
final class RuntimeServices {

    private static final String MAIN_FILTER = "(&(objectClass=java.util.function.Function)(otelier.command=main))";
    private static final String RELOAD_FILTER = "(&(objectClass=java.lang.Runnable)(otelier.command=main))";
    /** SCR activates the runtime's component right after the bundle starts; this only bounds a broken install. */
    private static final long MAIN_WAIT_MILLIS = 20_000;

    private RuntimeServices() {
    }

    @SuppressWarnings("unchecked")
    static Function<String[], Integer> awaitMain(BundleContext context) throws InterruptedException {
        Filter filter;
        try {
            filter = FrameworkUtil.createFilter(MAIN_FILTER);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, filter, null);
        tracker.open();
        return (Function<String[], Integer>) tracker.waitForService(MAIN_WAIT_MILLIS);
    }

    /** Notices the runtime's main service going away while a command runs (a refresh of the runtime). */
    static final class Restarts implements org.osgi.framework.ServiceListener, AutoCloseable {
        private final BundleContext context;
        private volatile boolean happened;

        private Restarts(BundleContext context) {
            this.context = context;
        }

        @Override
        public void serviceChanged(org.osgi.framework.ServiceEvent event) {
            if (event.getType() == org.osgi.framework.ServiceEvent.UNREGISTERING) {
                happened = true;
            }
        }

        boolean happened() {
            return happened;
        }

        @Override
        public void close() {
            try {
                context.removeServiceListener(this);
            } catch (IllegalStateException e) {
                // the framework is stopping
            }
        }
    }

    static Restarts watchRestarts(BundleContext context) {
        Restarts r = new Restarts(context);
        try {
            context.addServiceListener(r, MAIN_FILTER);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return r;
    }

    /** Asks the runtime to reload its config; SIGHUP must never end the process, so failures are only told. */
    static void reload(BundleContext context) {
        try {
            ServiceReference<?>[] refs = context.getServiceReferences((String) null, RELOAD_FILTER);
            if (refs == null || refs.length == 0) {
                System.err.println("warning: SIGHUP received but the runtime is not running; ignored");
                return;
            }
            Object service = context.getService(refs[0]);
            if (service instanceof Runnable r) {
                try {
                    r.run();
                } finally {
                    context.ungetService(refs[0]);
                }
            }
        } catch (InvalidSyntaxException | IllegalStateException e) {
            System.err.println("warning: SIGHUP not handled: " + Main.describe(e));
        }
    }
}
