package io.otelier.runtime.internal;

import io.otelier.api.component.BuildInfo;
import io.otelier.api.connector.ConnectorFactory;
import io.otelier.api.exporter.ExporterFactory;
import io.otelier.api.extension.ExtensionFactory;
import io.otelier.api.processor.ProcessorFactory;
import io.otelier.api.receiver.ReceiverFactory;
import io.otelier.runtime.internal.cli.CommandLine;
import io.otelier.runtime.internal.cli.ComponentsCommand;
import io.otelier.runtime.internal.cli.FeatureGates;
import io.otelier.api.component.Factory;
import io.otelier.runtime.admin.CollectorAdmin;
import io.otelier.runtime.internal.cli.AdminClient;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.ServiceRegistration;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The collector's command line as a service the launcher calls: a {@code Function<String[], Integer>}
 * (a java.* type, so the launcher outside the framework shares it) taking the arguments and returning the
 * exit status. It tracks every component factory registered by DS and tells the running collector when one
 * arrives or leaves (hot swap). While a collector runs, it is offered to the admin extension as a
 * {@link CollectorAdmin} service. Deactivation (framework stop, e.g. on SIGTERM) stops a running collector
 * gracefully, draining its pipelines.
 */
@Component(service = {Function.class, Runnable.class}, property = "otelier.command=main", immediate = true)
public final class CollectorCommand implements Function<String[], Integer>, Runnable {

    /** Service interfaces whose registrations are component factories. */
    private static final Set<String> FACTORY_INTERFACES = Set.of(ReceiverFactory.class.getName(),
            ProcessorFactory.class.getName(), ExporterFactory.class.getName(), ConnectorFactory.class.getName(),
            ExtensionFactory.class.getName());
    /** Upper bound on waiting for SCR to register the factories of bundles that are already active. */
    private static final long FACTORY_WAIT_MILLIS = 10_000;
    private static final long STOP_TIMEOUT_MILLIS = 60_000;
    /** FileInstall's folder, set by the launcher. */
    private static final String DEPLOY_DIR_PROPERTY = "felix.fileinstall.dir";

    private final FactoryRegistry registry = new FactoryRegistry();
    private BundleContext context;
    private volatile Collector running;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        Collector c = running;
        if (c != null) {
            c.stop(STOP_TIMEOUT_MILLIS);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addReceiverFactory(ReceiverFactory<?> factory, ServiceReference<?> ref) {
        added(factory, ref);
    }

    void removeReceiverFactory(ReceiverFactory<?> factory) {
        removed(factory);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProcessorFactory(ProcessorFactory<?> factory, ServiceReference<?> ref) {
        added(factory, ref);
    }

    void removeProcessorFactory(ProcessorFactory<?> factory) {
        removed(factory);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addExporterFactory(ExporterFactory<?> factory, ServiceReference<?> ref) {
        added(factory, ref);
    }

    void removeExporterFactory(ExporterFactory<?> factory) {
        removed(factory);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addConnectorFactory(ConnectorFactory<?> factory, ServiceReference<?> ref) {
        added(factory, ref);
    }

    void removeConnectorFactory(ConnectorFactory<?> factory) {
        removed(factory);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addExtensionFactory(ExtensionFactory<?> factory, ServiceReference<?> ref) {
        added(factory, ref);
    }

    void removeExtensionFactory(ExtensionFactory<?> factory) {
        removed(factory);
    }

    private void added(Factory<?> factory, ServiceReference<?> ref) {
        registry.add(factory, module(ref));
        Collector c = running;
        if (c != null) {
            c.factoryAdded();
        }
    }

    /**
     * DS calls this while the factory's bundle stops, before the bundle is gone: the pipelines using the
     * factory drain and stop here, so their components can still run their bundle's code while they drain.
     */
    private void removed(Factory<?> factory) {
        registry.remove(factory);
        Collector c = running;
        if (c != null) {
            c.factoryRemoved(factory);
        }
    }

    private static String module(ServiceReference<?> ref) {
        Bundle b = ref.getBundle();
        return b == null ? "unknown" : module(b);
    }

    /** SIGHUP: reload the running collector's config. */
    @Override
    public void run() {
        Collector c = running;
        if (c != null) {
            c.requestReload();
        }
    }

    @Override
    public Integer apply(String[] args) {
        return execute(args, System.out, System.err);
    }

    int execute(String[] args, PrintStream out, PrintStream err) {
        BuildInfo build = buildInfo();
        CommandLine cli;
        try {
            cli = CommandLine.parse(args);
            new FeatureGates().apply(cli.featureGates());
        } catch (CommandLine.UsageException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
        switch (cli.command()) {
            case HELP -> {
                out.println(build.description());
                out.println();
                out.print(CommandLine.usage(build.command()));
                return 0;
            }
            case VERSION -> {
                out.println(build.command() + " version " + build.version());
                return 0;
            }
            default -> {
            }
        }
        if (cli.remote()) {
            return new AdminClient(System.getenv()).run(cli, out, err);
        }
        awaitDeployedBundles(err);
        awaitFactories(err);
        Collector collector = new Collector(registry, build, err, System::getenv,
                ManagementFactory.getRuntimeMXBean().getStartTime());
        try {
            switch (cli.command()) {
                case COMPONENTS -> out.print(ComponentsCommand.render(build, registry, module(context.getBundle())));
                case VALIDATE -> collector.validate(cli.configs(), cli.sets());
                default -> {
                    running = collector;
                    ServiceRegistration<CollectorAdmin> admin = context.registerService(CollectorAdmin.class,
                            new Admin(collector, build), null);
                    try {
                        collector.run(cli.configs(), cli.sets());
                    } finally {
                        running = null;
                        unregister(admin);
                    }
                }
            }
            return 0;
        } catch (Collector.RunException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        } finally {
            running = null;
        }
    }

    /** When the framework stops, it may have unregistered the bundle's services already. */
    private static void unregister(ServiceRegistration<?> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // already gone
        }
    }

    private static String module(Bundle b) {
        return b.getSymbolicName() + " " + b.getVersion();
    }

    private BuildInfo buildInfo() {
        String version = property("otelier.dist.version", context.getBundle().getVersion().toString());
        return new BuildInfo(property("otelier.dist.command", "otelcol"),
                property("otelier.dist.description", "Otelier OpenTelemetry Collector"), version);
    }

    private String property(String key, String fallback) {
        String v = context.getProperty(key);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** What the admin extension sees of the running collector. */
    private final class Admin implements CollectorAdmin {
        private final Collector collector;
        private final BuildInfo build;

        Admin(Collector collector, BuildInfo build) {
            this.collector = collector;
            this.build = build;
        }

        @Override
        public Optional<String> reload(long timeoutMillis) throws InterruptedException {
            return collector.reloadAndWait(timeoutMillis);
        }

        @Override
        public String components() {
            return ComponentsCommand.render(build, registry, module(context.getBundle()));
        }

        @Override
        public Map<String, String> pipelines() {
            return collector.pipelines();
        }

        @Override
        public Optional<Path> deployFolder() {
            return CollectorCommand.this.deployFolder();
        }
    }

    private Optional<Path> deployFolder() {
        String dir = context.getProperty(DEPLOY_DIR_PROPERTY);
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Paths.get(dir));
    }

    /**
     * The bundles in deploy/ at startup belong to the startup set: FileInstall installs and starts them on its
     * first scan, possibly after the runtime started. Waits (bounded) until each jar there is an active bundle
     * (or a resolved fragment), so that their factories count before an unknown type is an error.
     */
    private void awaitDeployedBundles(PrintStream err) {
        Optional<Path> deploy = deployFolder();
        if (deploy.isEmpty() || !Files.isDirectory(deploy.get())) {
            return;
        }
        List<String> jars = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(deploy.get(), "*.jar")) {
            ds.forEach(p -> jars.add(p.getFileName().toString()));
        } catch (IOException e) {
            return;
        }
        long deadline = System.currentTimeMillis() + FACTORY_WAIT_MILLIS;
        List<String> pending = jars;
        while (true) {
            pending = notYetActive(pending);
            if (pending.isEmpty()) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                err.println("warning: bundles in deploy/ not active in time: " + String.join(", ", pending));
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private List<String> notYetActive(List<String> jarNames) {
        List<String> out = new ArrayList<>();
        for (String jar : jarNames) {
            boolean ready = false;
            for (Bundle b : context.getBundles()) {
                String location = b.getLocation();
                if (location.endsWith("/" + jar) || location.endsWith(java.io.File.separator + jar)) {
                    boolean fragment = b.getHeaders().get(org.osgi.framework.Constants.FRAGMENT_HOST) != null;
                    ready = b.getState() == Bundle.ACTIVE || (fragment && b.getState() == Bundle.RESOLVED);
                }
            }
            if (!ready) {
                out.add(jar);
            }
        }
        return out;
    }

    /**
     * The factories at startup are those of every bundle that is active (or about to be) now: wait (bounded) until SCR has
     * registered as many factories as those bundles declare ({@code osgi.service} capabilities that bnd
     * writes for each DS component).
     */
    private void awaitFactories(PrintStream err) {
        int expected = 0;
        for (Bundle b : context.getBundles()) {
            if (!startingOrStarted(b)) {
                continue;
            }
            BundleRevision revision = b.adapt(BundleRevision.class);
            if (revision == null) {
                continue;
            }
            for (BundleCapability cap : revision.getDeclaredCapabilities("osgi.service")) {
                Object classes = cap.getAttributes().get("objectClass");
                if (classes instanceof List<?> list && list.stream().anyMatch(FACTORY_INTERFACES::contains)) {
                    expected++;
                }
            }
        }
        try {
            if (!registry.awaitAtLeast(expected, FACTORY_WAIT_MILLIS)) {
                err.println("warning: only " + registry.size() + " of " + expected
                        + " component factories registered in time; missing ones count as unknown types");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Active, starting, or marked to start: after a refresh (an infrastructure bundle updated) the framework
     * restarts the bundles one by one, and the runtime may be back before the component bundles are.
     */
    private static boolean startingOrStarted(Bundle b) {
        if (b.getState() == Bundle.ACTIVE || b.getState() == Bundle.STARTING) {
            return true;
        }
        if (b.getState() == Bundle.UNINSTALLED || b.getHeaders().get(org.osgi.framework.Constants.FRAGMENT_HOST) != null) {
            return false;
        }
        org.osgi.framework.startlevel.BundleStartLevel level = b.adapt(org.osgi.framework.startlevel.BundleStartLevel.class);
        return level != null && level.isPersistentlyStarted();
    }

    /** Every registered factory, for tests. */
    FactoryRegistry registry() {
        return registry;
    }

}
