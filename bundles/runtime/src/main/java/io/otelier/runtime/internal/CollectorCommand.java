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
import java.lang.management.ManagementFactory;
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
 * exit status. It tracks every component factory registered by DS. Deactivation (framework stop, e.g. on
 * SIGTERM) stops a running collector gracefully, draining its pipelines.
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
        registry.add(factory, module(ref));
    }

    void removeReceiverFactory(ReceiverFactory<?> factory) {
        registry.remove(factory);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProcessorFactory(ProcessorFactory<?> factory, ServiceReference<?> ref) {
        registry.add(factory, module(ref));
    }

    void removeProcessorFactory(ProcessorFactory<?> factory) {
        registry.remove(factory);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addExporterFactory(ExporterFactory<?> factory, ServiceReference<?> ref) {
        registry.add(factory, module(ref));
    }

    void removeExporterFactory(ExporterFactory<?> factory) {
        registry.remove(factory);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addConnectorFactory(ConnectorFactory<?> factory, ServiceReference<?> ref) {
        registry.add(factory, module(ref));
    }

    void removeConnectorFactory(ConnectorFactory<?> factory) {
        registry.remove(factory);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addExtensionFactory(ExtensionFactory<?> factory, ServiceReference<?> ref) {
        registry.add(factory, module(ref));
    }

    void removeExtensionFactory(ExtensionFactory<?> factory) {
        registry.remove(factory);
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
        awaitFactories(err);
        Collector collector = new Collector(registry, build, err, System::getenv,
                ManagementFactory.getRuntimeMXBean().getStartTime());
        try {
            switch (cli.command()) {
                case COMPONENTS -> out.print(ComponentsCommand.render(build, registry, module(context.getBundle())));
                case VALIDATE -> collector.validate(cli.configs(), cli.sets());
                default -> {
                    running = collector;
                    collector.run(cli.configs(), cli.sets());
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

    /**
     * The factories at startup are those of every bundle that is active now: wait (bounded) until SCR has
     * registered as many factories as those bundles declare ({@code osgi.service} capabilities that bnd
     * writes for each DS component).
     */
    private void awaitFactories(PrintStream err) {
        int expected = 0;
        for (Bundle b : context.getBundles()) {
            if (b.getState() != Bundle.ACTIVE && b.getState() != Bundle.STARTING) {
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

    /** Every registered factory, for tests. */
    FactoryRegistry registry() {
        return registry;
    }

}
