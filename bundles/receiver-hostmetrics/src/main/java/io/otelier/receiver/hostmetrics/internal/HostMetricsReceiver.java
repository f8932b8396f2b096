package io.otelier.receiver.hostmetrics.internal;

import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Host;
import io.otelier.api.consumer.Consumer;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.receiver.Receiver;
import io.otelier.api.telemetry.Logger;
import io.otelier.pdata.Metrics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the configured scrapers on one timer thread, as upstream's scraper controller: the first scrape after
 * {@code initial_delay}, then one every {@code collection_interval}; each scrape of all scrapers becomes one
 * Metrics batch for the next consumer: one resource per scraper that produced points (one per process for the
 * process scraper).
 */
final class HostMetricsReceiver implements Receiver {

    private final CreateSettings settings;
    private final HostMetricsConfig config;
    private final Consumer<Metrics> next;
    private final Logger log;
    private final List<HostMetricsConfig.ScraperWithBuilder> scrapers;
    private ScheduledExecutorService timer;

    HostMetricsReceiver(CreateSettings settings, HostMetricsConfig config, Consumer<Metrics> next) {
        this.settings = settings;
        this.config = config;
        this.next = next;
        this.log = settings.telemetry().logger();
        this.scrapers = config.createScrapers();
        config.scrapers().configured().values().forEach(c -> c.platformWarnings().forEach(log::warn));
    }

    @Override
    public synchronized void start(Host host) throws Exception {
        for (HostMetricsConfig.ScraperWithBuilder s : scrapers) {
            s.scraper().start();
        }
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "otelier-hostmetrics-" + settings.id());
            t.setDaemon(true);
            return t;
        });
        Duration delay = config.initialDelay() == null || config.initialDelay().isNegative() ? Duration.ZERO
                : config.initialDelay();
        timer.scheduleAtFixedRate(this::scrapeAndSend, delay.toNanos(), config.collectionInterval().toNanos(),
                TimeUnit.NANOSECONDS);
    }

    /** One scrape of every scraper, sent as one batch. Never throws: a failed tick must not stop the timer. */
    void scrapeAndSend() {
        try {
            next.consume(RequestContext.EMPTY, scrape());
        } catch (Exception | LinkageError e) {
            log.error("Error scraping or sending metrics", e);
        }
    }

    /**
     * Reads every scraper once. A failure is logged; the scraper then contributes nothing, unless only some of its
     * sources failed (paging, network, single processes), as upstream.
     */
    Metrics scrape() {
        Instant instant = Instant.now();
        long now = instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
        Metrics metrics = new Metrics();
        for (HostMetricsConfig.ScraperWithBuilder s : scrapers) {
            try {
                s.scraper().scrape(s.builder(), now);
            } catch (PartialScrapeException e) {
                log.error("Error scraping metrics", e, "scraper", s.scraper().type());
            } catch (Exception e) {
                s.builder().reset();
                log.error("Error scraping metrics", e, "scraper", s.scraper().type());
                continue;
            }
            s.scraper().emitTo(metrics, s.builder(), settings.buildInfo().version());
        }
        return metrics;
    }

    @Override
    public synchronized void shutdown() throws InterruptedException {
        if (timer != null) {
            // cancels the schedule but lets a scrape in progress hand its batch over, as upstream waits for it
            timer.shutdown();
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("A scrape did not finish within 10s of shutdown; interrupting it");
                timer.shutdownNow();
            }
            timer = null;
        }
    }
}
