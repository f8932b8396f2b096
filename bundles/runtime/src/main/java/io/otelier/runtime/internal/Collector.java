package io.otelier.runtime.internal;

import io.otelier.api.component.BuildInfo;
import io.otelier.api.config.ConfigException;
import io.otelier.api.telemetry.Level;
import io.otelier.api.telemetry.Logger;
import io.otelier.api.telemetry.MetricsLevel;
import io.otelier.runtime.internal.config.CollectorConfig;
import io.otelier.runtime.internal.config.ConfigService;
import io.otelier.runtime.internal.config.LoadedConfig;
import io.otelier.runtime.internal.config.TelemetryConfig;
import io.otelier.runtime.internal.graph.Graph;
import io.otelier.runtime.internal.graph.GraphException;
import io.otelier.runtime.internal.graph.GraphSettings;
import io.otelier.runtime.internal.telemetry.Logging;
import io.otelier.runtime.internal.telemetry.MetricsRegistry;
import io.otelier.runtime.internal.telemetry.ObsMetrics;
import io.otelier.runtime.internal.telemetry.ProcessMetrics;
import io.otelier.runtime.internal.telemetry.PrometheusEndpoint;
import io.otelier.api.component.ComponentId;
import io.otelier.api.component.ComponentKind;
import io.otelier.api.component.Factory;
import io.otelier.api.config.ComponentConfig;
import io.otelier.runtime.internal.config.ConfigFileWatcher;
import io.otelier.runtime.internal.config.PendingConfig;
import io.otelier.runtime.internal.config.PipelineId;
import io.otelier.runtime.internal.config.ServiceConfig;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * One run of the collector: load and validate the config, set up its own telemetry, build and start the
 * graph, wait for a stop request, then drain and stop. {@link #stop()} may come from any thread.
 */
public final class Collector {

    /** A failure to report as one line and a non-zero exit. */
    public static final class RunException extends Exception {
        private static final long serialVersionUID = 1L;

        RunException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private enum Kind { STOP, RELOAD, FACTORY_ADDED }

    /** A request to the run loop; {@code done} gets null when applied, or why it was not. */
    private record Request(Kind kind, CompletableFuture<String> done) {
        static Request of(Kind kind) {
            return new Request(kind, new CompletableFuture<>());
        }
    }

    /** How often the config files are checked for changes. */
    private static final long CONFIG_POLL_MILLIS = 1_000;

    private final FactoryRegistry factories;
    private final BuildInfo buildInfo;
    private final PrintStream logOut;
    private final Function<String, String> env;
    private final long jvmStartMillis;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Logger log;
    /** Held for every change of the running graph: reloads, factories arriving and leaving. */
    private final Object transitions = new Object();
    private volatile Graph graph;
    private List<String> configs = List.of();
    private List<String> sets = List.of();
    private MetricsRegistry registry;
    private volatile boolean running;
    /** The resolved tree of the config running now, to bind again when a factory appears. */
    private Map<String, Object> acceptedTree;

    public Collector(FactoryRegistry factories, BuildInfo buildInfo, PrintStream logOut, Function<String, String> env,
            long jvmStartMillis) {
        this.factories = factories;
        this.buildInfo = buildInfo;
        this.logOut = logOut;
        this.env = env;
        this.jvmStartMillis = jvmStartMillis;
        this.log = Logging.create(Level.INFO, "console", logOut);
    }

    /** Loads and validates the config and creates (without starting) every component. */
    public void validate(List<String> configs, List<String> sets) throws RunException {
        LoadedConfig loaded = load(configs, sets);
        loaded.warnings().forEach(w -> log.warn(w));
        MetricsRegistry registry = new MetricsRegistry(MetricsLevel.NONE);
        try {
            Graph.build(graphSettings(loaded.config(), log, registry), loaded.config());
        } catch (GraphException e) {
            throw new RunException(e.getMessage(), e);
        }
    }

    /** Runs until {@link #stop()}; returns once everything has drained and stopped. */
    public void run(List<String> configs, List<String> sets) throws RunException {
        try {
            runUntilStopped(configs, sets);
        } finally {
            stopped.countDown();
        }
    }

    private void runUntilStopped(List<String> configs, List<String> sets) throws RunException {
        LoadedConfig loaded = load(configs, sets);
        CollectorConfig config = loaded.config();
        TelemetryConfig telemetry = config.service().telemetry();
        Map<String, String> resource = resource(telemetry);
        log = Logging.create(telemetry.logs().level(), telemetry.logs().encoding().id(), logOut)
                .with("resource", new TreeMap<>(resource));
        loaded.warnings().forEach(w -> log.warn(w));
        log.info("Setting up own telemetry...");
        MetricsRegistry registry = new MetricsRegistry(telemetry.metrics().level(), resource);
        PrometheusEndpoint endpoint = null;
        if (telemetry.metrics().level() != MetricsLevel.NONE && telemetry.metrics().prometheus().isPresent()) {
            var address = telemetry.metrics().prometheus().get();
            ProcessMetrics.register(registry, System.nanoTime());
            endpoint = new PrometheusEndpoint(address.host(), address.port(), registry);
            try {
                endpoint.start();
            } catch (Exception e) {
                throw new RunException("failed to start internal telemetry: " + e.getMessage(), e);
            }
            log.info("Serving internal metrics", "address", address.host() + ":" + address.port());
        }
        log.info("Starting " + buildInfo.command() + "...", "Version", buildInfo.version(), "NumCPU",
                Runtime.getRuntime().availableProcessors());
        this.configs = configs;
        this.sets = sets;
        this.registry = registry;
        this.acceptedTree = loaded.raw();
        synchronized (transitions) {
            try {
                Graph started = Graph.build(graphSettings(config, log, registry), config);
                started.start();
                graph = started;
            } catch (GraphException e) {
                if (endpoint != null) {
                    endpoint.stop();
                }
                throw new RunException("cannot start pipelines: " + e.getMessage(), e);
            }
        }
        long startupMillis = System.currentTimeMillis() - jvmStartMillis;
        log.info("Everything is ready. Begin running and processing data.", "startup_time",
                String.format(java.util.Locale.ROOT, "%.3fs", startupMillis / 1000.0));
        // the startup config's component configs must not stay reachable from this frame: after a hot swap
        // they would keep the old bundle's class loader alive
        loaded = null;
        config = null;
        running = true;
        Thread watcher = watchConfigFiles(configs);
        try {
            for (Request r = nextRequest(); r.kind() != Kind.STOP; r = nextRequest()) {
                r.done().complete(r.kind() == Kind.RELOAD ? reload() : startWaitingPipelines());
            }
        } finally {
            running = false;
            if (watcher != null) {
                watcher.interrupt();
            }
            requests.forEach(r -> r.done().complete("the collector is shutting down"));
        }
        log.info("Shutdown requested; draining pipelines...");
        synchronized (transitions) {
            graph.shutdown();
        }
        if (endpoint != null) {
            endpoint.stop();
        }
        log.info("Shutdown complete.");
    }

    /** Polls the config files and asks for a reload when their content changes (see {@link ConfigFileWatcher}). */
    private Thread watchConfigFiles(List<String> configs) {
        ConfigFileWatcher files = new ConfigFileWatcher(configs);
        if (!files.watchesAnything()) {
            return null;
        }
        Thread t = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(CONFIG_POLL_MILLIS);
                    if (files.changed()) {
                        log.info("Config file changed; reloading");
                        requests.add(Request.of(Kind.RELOAD));
                    }
                }
            } catch (InterruptedException e) {
                // the run ended
            }
        }, "otelier-config-watcher");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * The collector's own resource, as upstream builds it: service.name, service.version and a fresh
     * service.instance.id, overridden or extended by service::telemetry::resource.
     */
    private Map<String, String> resource(TelemetryConfig telemetry) {
        Map<String, String> resource = new LinkedHashMap<>();
        resource.put("service.name", buildInfo.command());
        resource.put("service.version", buildInfo.version());
        resource.put("service.instance.id", UUID.randomUUID().toString());
        resource.putAll(telemetry.resource());
        resource.values().removeIf(java.util.Objects::isNull);
        return resource;
    }

    private GraphSettings graphSettings(CollectorConfig config, Logger logger, MetricsRegistry registry) {
        return new GraphSettings(factories, logger, registry, config.service().telemetry().metrics().level(),
                new ObsMetrics(registry), buildInfo);
    }

    private LoadedConfig load(List<String> configs, List<String> sets) throws RunException {
        if (configs.isEmpty()) {
            throw new RunException("at least one config flag must be provided", null);
        }
        try {
            return ConfigService.load(configs, sets, env, factories);
        } catch (ConfigException e) {
            throw new RunException("invalid configuration: " + e.getMessage(), e);
        }
    }

    private Request nextRequest() {
        while (true) {
            try {
                return requests.take();
            } catch (InterruptedException e) {
                // only a stop request ends the run
            }
        }
    }

    /**
     * Re-reads the config sources. An invalid new config is rejected and the running pipelines go on
     * (upstream exits instead). A valid one is applied by rebuilding only what changed: components whose
     * factory or config changed, and pipelines whose composition changed; receivers that stay keep their
     * sockets. A component whose factory is not registered makes its pipelines wait for it. Own telemetry
     * settings keep their startup values.
     *
     * @return null when applied, else why not
     */
    private String reload() {
        log.info("Reloading config...");
        return apply("Config reload rejected; the running pipelines are kept", "Config reloaded.");
    }

    /**
     * A factory appeared: pipelines waiting for one are built from the config running now, bound again with
     * the factories registered now (the config files are only read by a reload, which may find them broken).
     */
    private String startWaitingPipelines() {
        Graph current = graph;
        if (current == null || current.waitingPipelines().isEmpty()) {
            return null;
        }
        log.info("A component factory was registered; starting the pipelines waiting for it",
                "pipelines", String.join(", ", current.waitingPipelines().keySet().stream().map(String::valueOf).toList()));
        return apply(() -> {
            try {
                return ConfigService.rebind(acceptedTree, factories);
            } catch (ConfigException e) {
                throw new RunException("invalid configuration: " + e.getMessage(), e);
            }
        }, "The pipelines waiting for a factory cannot start", "Waiting pipelines rebuilt.");
    }

    private String apply(String rejected, String applied) {
        return apply(this::loadForReload, rejected, applied);
    }

    /** Where a transition's config comes from. */
    private interface ConfigSource {
        LoadedConfig get() throws RunException;
    }

    private String apply(ConfigSource source, String rejected, String applied) {
        synchronized (transitions) {
            Graph current = graph;
            LoadedConfig next;
            Graph candidate;
            try {
                next = source.get();
                candidate = Graph.build(graphSettings(next.config(), log, registry), next.config(), current);
            } catch (RunException | GraphException e) {
                log.error(rejected, e, "error", e.getMessage());
                return e.getMessage();
            }
            next.warnings().forEach(w -> log.warn(w));
            String outcome = replace(current, candidate, applied);
            if (outcome == null) {
                acceptedTree = next.raw();
            }
            return outcome;
        }
    }

    private String replace(Graph current, Graph candidate, String applied) {
        try {
            candidate.takeOver(current);
            graph = candidate;
            log.info(applied + " Everything is ready.", "unchanged_pipelines", String.join(", ",
                    candidate.unchangedPipelines().stream().map(PipelineId::toString).sorted().toList()));
            return null;
        } catch (GraphException e) {
            log.error("The new pipelines failed to start; restarting the previous ones", e, "error", e.getMessage());
            try {
                Graph previous = Graph.build(current.settings(), current.config());
                previous.start();
                graph = previous;
            } catch (GraphException again) {
                log.error("The previous pipelines failed to restart", again, "error", again.getMessage());
                graph = candidate;
            }
            return e.getMessage();
        }
    }

    private LoadedConfig loadForReload() throws RunException {
        try {
            return ConfigService.load(configs, sets, env, factories, true);
        } catch (ConfigException e) {
            throw new RunException("invalid configuration: " + e.getMessage(), e);
        }
    }

    /**
     * A factory is going away (its bundle stops for an uninstall or an update): drains and stops exactly the
     * pipelines with an instance it made, before returning, so the bundle's classes stay usable while they
     * drain. The running config forgets the factory's configs (so nothing keeps the bundle's classes), and
     * those pipelines wait for the factory to come back.
     */
    public void factoryRemoved(Factory<?> factory) {
        synchronized (transitions) {
            Graph current = graph;
            if (current == null || !running || !current.uses(factory)) {
                return;
            }
            log.info("Component factory is going away; draining the pipelines that use it", "kind",
                    factory.kind().singular(), "type", factory.type(), "pipelines", String.join(", ",
                            current.pipelinesUsing(factory).stream().map(PipelineId::toString).toList()));
            CollectorConfig pending = withoutFactory(current.config(), factory);
            try {
                Graph candidate = Graph.build(current.settings(), pending, current);
                replace(current, candidate, "Pipelines using " + factory.kind().singular() + " \"" + factory.type()
                        + "\" stopped.");
            } catch (GraphException e) {
                log.error("Cannot rebuild without the factory going away; stopping every pipeline", e);
                current.shutdown();
            }
        }
    }

    private static CollectorConfig withoutFactory(CollectorConfig config, Factory<?> factory) {
        return new CollectorConfig(pending(config.receivers(), factory), pending(config.processors(), factory),
                pending(config.exporters(), factory), pending(config.connectors(), factory),
                pending(config.extensions(), factory), new ServiceConfig(config.service().extensions(),
                        config.service().pipelines(), config.service().telemetry()));
    }

    private static Map<ComponentId, ComponentConfig> pending(Map<ComponentId, ComponentConfig> section,
            Factory<?> factory) {
        Map<ComponentId, ComponentConfig> out = new LinkedHashMap<>();
        section.forEach((id, cfg) -> {
            boolean made = cfg.getClass().getClassLoader() == factory.getClass().getClassLoader()
                    && (id.type().equals(factory.type()) || factory.deprecatedType().filter(id.type()::equals).isPresent());
            out.put(id, made ? new PendingConfig(factory.kind(), id.type()) : cfg);
        });
        return out;
    }

    /** A factory was registered: pipelines waiting for one may start now (asynchronously, in the run loop). */
    public void factoryAdded() {
        if (running) {
            requests.add(Request.of(Kind.FACTORY_ADDED));
        }
    }

    /** Asks a running collector to reload its config sources. */
    public void requestReload() {
        requests.add(Request.of(Kind.RELOAD));
    }

    /**
     * Reloads and waits for the outcome.
     *
     * @return empty when the new config runs, else why it was rejected
     */
    public Optional<String> reloadAndWait(long timeoutMillis) throws InterruptedException {
        if (!running) {
            return Optional.of("the collector is not running");
        }
        Request r = Request.of(Kind.RELOAD);
        requests.add(r);
        try {
            return Optional.ofNullable(r.done().get(timeoutMillis, TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            return Optional.of(String.valueOf(e.getCause()));
        } catch (TimeoutException e) {
            return Optional.of("the reload did not finish within " + timeoutMillis + " ms");
        }
    }

    /** Each pipeline's status, and what waiting pipelines wait for. */
    public Map<String, String> pipelines() {
        Graph current = graph;
        Map<String, String> out = new LinkedHashMap<>();
        if (current == null) {
            return out;
        }
        Map<PipelineId, List<String>> waitingFor = current.waitingPipelines();
        current.pipelineStatus().forEach((id, status) -> out.put(id.toString(), waitingFor.containsKey(id)
                ? "waiting for " + String.join(", ", waitingFor.get(id)) : status.name()));
        return out;
    }

    /** Asks the run to drain and stop, and waits up to {@code timeoutMillis} for it. */
    public boolean stop(long timeoutMillis) throws InterruptedException {
        requests.add(Request.of(Kind.STOP));
        return stopped.await(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public Logger logger() {
        return log;
    }
}
