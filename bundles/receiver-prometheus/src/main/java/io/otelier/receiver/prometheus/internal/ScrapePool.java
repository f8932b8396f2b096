package io.otelier.receiver.prometheus.internal;

import io.otelier.api.telemetry.Logger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The targets of one scrape config (Prometheus's {@code scrapePool}): {@link #sync} turns discovered target
 * groups into targets, keeps the loops of targets that stay, starts new ones and stops vanished ones (which
 * write staleness markers).
 */
final class ScrapePool {

    /** What every loop of the receiver shares. */
    record Shared(Labels externalLabels, boolean trimSuffixes, String scopeVersion, String userAgent,
            long offsetSeed, long initialOffsetNanos, ScheduledExecutorService deadlines, ScrapeLoop.Sink sink,
            Logger logger) {
    }

    private final ScrapeConfig cfg;
    private final Shared shared;
    private final Map<ScrapeTarget, TargetRunner> running = new LinkedHashMap<>();

    ScrapePool(ScrapeConfig cfg, Shared shared) {
        this.cfg = cfg;
        this.shared = shared;
    }

    ScrapeConfig config() {
        return cfg;
    }

    /** Targets of these groups; invalid ones are logged and skipped, as Prometheus does. */
    List<ScrapeTarget> targets(List<TargetGroup> groups) {
        List<ScrapeTarget> out = new ArrayList<>();
        for (TargetGroup g : groups) {
            for (int i = 0; i < g.targets().size(); i++) {
                try {
                    ScrapeTarget t = ScrapeTarget.populate(cfg, g.targets().get(i), g.labels());
                    if (t != null && !out.contains(t)) {
                        out.add(t);
                    }
                } catch (IllegalArgumentException e) {
                    shared.logger().error("Creating target failed", null, "scrape_pool", cfg.jobName(), "err",
                            "instance " + i + " in group " + g.source() + ": " + e.getMessage());
                }
            }
        }
        return out;
    }

    synchronized void sync(List<TargetGroup> groups) throws InterruptedException {
        List<ScrapeTarget> wanted = targets(groups);
        List<ScrapeTarget> gone = new ArrayList<>();
        for (ScrapeTarget t : running.keySet()) {
            if (!wanted.contains(t)) {
                gone.add(t);
            }
        }
        List<TargetRunner> stopping = new ArrayList<>();
        for (ScrapeTarget t : gone) {
            TargetRunner r = running.remove(t);
            r.requestStop(false, true);
            stopping.add(r);
        }
        for (TargetRunner r : stopping) {
            r.awaitStopped();
        }
        long now = System.currentTimeMillis();
        for (ScrapeTarget t : wanted) {
            if (running.containsKey(t)) {
                continue;
            }
            TargetFetcher fetcher = new TargetFetcher(cfg, shared.userAgent(), shared.deadlines());
            Logger log = shared.logger();
            ScrapeLoop loop = new ScrapeLoop(cfg, t, shared.externalLabels(), shared.trimSuffixes(),
                    shared.scopeVersion(), log, fetcher);
            TargetRunner runner = new TargetRunner(loop, shared.sink(), log,
                    TargetRunner.offsetNanos(t, shared.offsetSeed(), now) + shared.initialOffsetNanos());
            running.put(t, runner);
            runner.start("otelier-prometheus-scrape-" + cfg.jobName() + "-" + t.instance());
        }
    }

    synchronized int size() {
        return running.size();
    }

    /** Asks every loop to stop; {@link #awaitStopped} waits for them. */
    synchronized void requestStop(boolean finalScrape) {
        running.values().forEach(r -> r.requestStop(finalScrape, false));
    }

    synchronized void awaitStopped() throws InterruptedException {
        for (TargetRunner r : running.values()) {
            r.awaitStopped();
        }
        running.clear();
    }
}
