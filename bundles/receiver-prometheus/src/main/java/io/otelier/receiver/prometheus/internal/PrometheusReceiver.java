package io.otelier.receiver.prometheus.internal;

import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Host;
import io.otelier.api.consumer.Consumer;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.receiver.Receiver;
import io.otelier.api.telemetry.Logger;
import io.otelier.helper.tls.TlsContexts;
import io.otelier.pdata.Metrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The running receiver: a scrape pool per scrape config, fed by discovery (static targets and
 * {@code file_sd_configs}, polled every second). Discovered changes are applied at discovery reloads, every
 * 5 s as in Prometheus's scrape manager; the first one happens at start when
 * {@code discovery_reload_on_startup} is set, else one interval later, as upstream.
 */
final class PrometheusReceiver implements Receiver {

    static final Duration DISCOVERY_RELOAD_INTERVAL = Duration.ofSeconds(5);
    private static final Duration DISCOVERY_POLL_INTERVAL = Duration.ofSeconds(1);

    private final CreateSettings settings;
    private final PrometheusReceiverConfig config;
    private final Consumer<Metrics> next;
    private final Logger logger;
    private final Duration reloadInterval;

    private final List<ScrapePool> pools = new ArrayList<>();
    private final Map<ScrapePool, List<FileDiscovery>> fileDiscoveries = new LinkedHashMap<>();
    private final Map<ScrapePool, Map<FileDiscovery, List<TargetGroup>>> fileGroups = new LinkedHashMap<>();
    private ScheduledExecutorService deadlines;
    private ScheduledExecutorService discovery;
    private volatile boolean pendingChanges;

    PrometheusReceiver(CreateSettings settings, PrometheusReceiverConfig config, Consumer<Metrics> next) {
        this(settings, config, next, DISCOVERY_RELOAD_INTERVAL);
    }

    /** @param reloadInterval how often discovered changes reach the pools (tests shorten it) */
    PrometheusReceiver(CreateSettings settings, PrometheusReceiverConfig config, Consumer<Metrics> next,
            Duration reloadInterval) {
        this.settings = settings;
        this.config = config;
        this.next = next;
        this.logger = settings.telemetry().logger();
        this.reloadInterval = reloadInterval;
    }

    @Override
    public void start(Host host) {
        PromConfig prom = config.promConfig();
        for (ScrapeConfig sc : prom.scrapeConfigs()) {
            if (sc.tls() != null) {
                TlsContexts.client(sc.tls()); // unreadable TLS material fails startup, naming the problem
            }
        }
        deadlines = new ScheduledThreadPoolExecutor(1, task -> daemon(task, "otelier-prometheus-deadlines-" + settings.id()));
        ((ScheduledThreadPoolExecutor) deadlines).setRemoveOnCancelPolicy(true);
        String version = settings.buildInfo().version();
        String userAgent = settings.buildInfo().command() + "/" + version;
        long seed = prom.externalLabels().hashCode() ^ hostname().hashCode();
        ScrapePool.Shared shared = new ScrapePool.Shared(prom.externalLabels(), config.trimMetricSuffixes(), version,
                userAgent, seed, config.initialScrapeOffset().toNanos(), deadlines, this::consume, logger);
        for (ScrapeConfig sc : prom.scrapeConfigs()) {
            ScrapePool pool = new ScrapePool(sc, shared);
            pools.add(pool);
            List<FileDiscovery> files = new ArrayList<>();
            sc.fileSdConfigs().forEach(f -> files.add(new FileDiscovery(f, logger)));
            fileDiscoveries.put(pool, files);
            fileGroups.put(pool, new LinkedHashMap<>());
        }
        pollFiles();
        pendingChanges = true;
        discovery = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "otelier-prometheus-discovery-" + settings.id()));
        long first = config.discoveryReloadOnStartup() ? 0 : reloadInterval.toNanos();
        discovery.scheduleWithFixedDelay(this::pollFiles, DISCOVERY_POLL_INTERVAL.toNanos(),
                DISCOVERY_POLL_INTERVAL.toNanos(), TimeUnit.NANOSECONDS);
        discovery.scheduleAtFixedRate(this::reload, first, reloadInterval.toNanos(), TimeUnit.NANOSECONDS);
        logger.info("Starting scrape manager");
    }

    private static Thread daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
    }

    private static String hostname() {
        String h = System.getenv("HOSTNAME");
        return h == null ? "" : h;
    }

    /** Reads changed file_sd files; changes wait for the next reload. */
    private void pollFiles() {
        long now = System.nanoTime();
        fileDiscoveries.forEach((pool, files) -> {
            for (FileDiscovery f : files) {
                List<TargetGroup> groups = f.poll(now);
                if (groups != null) {
                    synchronized (fileGroups) {
                        fileGroups.get(pool).put(f, groups);
                    }
                    pendingChanges = true;
                }
            }
        });
    }

    private void reload() {
        if (!pendingChanges) {
            return;
        }
        pendingChanges = false;
        for (ScrapePool pool : pools) {
            List<TargetGroup> groups = new ArrayList<>(pool.config().staticConfigs());
            synchronized (fileGroups) {
                fileGroups.get(pool).values().forEach(groups::addAll);
            }
            try {
                pool.sync(groups);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // keeps the periodic reload alive; the next discovered change tries again
                logger.error("Syncing scrape pool failed", e, "scrape_pool", pool.config().jobName());
            }
        }
    }

    private void consume(Metrics metrics) throws Exception {
        next.consume(RequestContext.EMPTY, metrics);
    }

    @Override
    public void shutdown() throws Exception {
        if (discovery != null) {
            discovery.shutdownNow();
            discovery.awaitTermination(10, TimeUnit.SECONDS);
        }
        pools.forEach(pool -> pool.requestStop(config.scrapeOnShutdown()));
        for (ScrapePool pool : pools) {
            pool.awaitStopped();
        }
        if (deadlines != null) {
            deadlines.shutdownNow();
            deadlines.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** Targets currently scraped (tests). */
    int targetCount() {
        return pools.stream().mapToInt(ScrapePool::size).sum();
    }
}
