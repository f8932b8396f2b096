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
import java.io.PrintStream;
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

    private enum Request { STOP, RELOAD }

    private final FactoryRegistry factories;
    private final BuildInfo buildInfo;
    private final PrintStream logOut;
    private final Function<String, String> env;
    private final long jvmStartMillis;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Logger log;

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
        Graph graph;
        try {
            graph = Graph.build(graphSettings(config, log, registry), config);
            graph.start();
        } catch (GraphException e) {
            if (endpoint != null) {
                endpoint.stop();
            }
            throw new RunException("cannot start pipelines: " + e.getMessage(), e);
        }
        long startupMillis = System.currentTimeMillis() - jvmStartMillis;
        log.info("Everything is ready. Begin running and processing data.", "startup_time",
                String.format(java.util.Locale.ROOT, "%.3fs", startupMillis / 1000.0));
        while (nextRequest() == Request.RELOAD) {
            graph = reload(graph, configs, sets, registry);
        }
        log.info("Shutdown requested; draining pipelines...");
        graph.shutdown();
        if (endpoint != null) {
            endpoint.stop();
        }
        log.info("Shutdown complete.");
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
     * (upstream exits instead); a valid one replaces the whole graph. Own telemetry settings keep their
     * startup values. Rebuilding only what changed, without pausing, is the hot-swap work.
     */
    private Graph reload(Graph current, List<String> configs, List<String> sets, MetricsRegistry registry) {
        log.info("Reloading config...");
        LoadedConfig next;
        Graph candidate;
        try {
            next = load(configs, sets);
            candidate = Graph.build(graphSettings(next.config(), log, registry), next.config());
        } catch (RunException | GraphException e) {
            log.error("Config reload rejected; the running pipelines are kept", e, "error", e.getMessage());
            return current;
        }
        next.warnings().forEach(w -> log.warn(w));
        current.shutdown();
        try {
            candidate.start();
            log.info("Config reloaded. Everything is ready.");
            return candidate;
        } catch (GraphException e) {
            log.error("Reloaded config failed to start; restarting the previous pipelines", e, "error",
                    e.getMessage());
            try {
                Graph previous = Graph.build(current.settings(), current.config());
                previous.start();
                return previous;
            } catch (GraphException again) {
                log.error("The previous pipelines failed to restart", again, "error", again.getMessage());
                return candidate;
            }
        }
    }

    /** Asks a running collector to reload its config sources. */
    public void requestReload() {
        requests.add(Request.RELOAD);
    }

    /** Asks the run to drain and stop, and waits up to {@code timeoutMillis} for it. */
    public boolean stop(long timeoutMillis) throws InterruptedException {
        requests.add(Request.STOP);
        return stopped.await(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public Logger logger() {
        return log;
    }
}
