package io.otelier.receiver.prometheus.internal;

import io.otelier.api.telemetry.Logger;
import io.otelier.pdata.Metrics;
import io.otelier.pdata.metrics.Exemplar;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scrapes one target, as Prometheus's {@code scrapeLoop}: fetch, parse, attach the target's labels
 * ({@code honor_labels}), apply {@code metric_relabel_configs}, enforce limits, add the report series
 * ({@code up}, …) and staleness markers for series that disappeared, and hand the scrape as one Metrics batch
 * to the sink. A failed scrape (unreachable, timed out, HTTP error, malformed text, limit exceeded) yields
 * {@code up} = 0 and a logged reason, never an exception.
 *
 * <p>Per-series work (label decoding, relabeling) is cached by the series' raw text, so a steady target costs
 * one hash lookup per sample. Runs on one thread at a time (its {@link TargetRunner}'s).
 */
final class ScrapeLoop {

    /** Where finished scrapes go. */
    @FunctionalInterface
    interface Sink {
        void accept(Metrics metrics) throws Exception;
    }

    /** A scrape that fails after the body arrived (limits, missing names), with Prometheus's wording. */
    static final class ScrapeFailure extends Exception {
        private static final long serialVersionUID = 1L;

        ScrapeFailure(String message) {
            super(message);
        }
    }

    private static final double STALE_NAN = Double.longBitsToDouble(MetricFamily.STALE_NAN_BITS);
    private static final long FAILURE_LOG_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

    private final ScrapeConfig cfg;
    private final ScrapeTarget target;
    private final Labels targetSampleLabels;
    private final Labels externalLabels;
    private final boolean trimSuffixes;
    private final String scopeVersion;
    private final Logger logger;
    private final TargetFetcher fetcher;

    private final Map<String, MetricMetadata> metadata = new HashMap<>();
    private final Map<String, CacheEntry> series = new HashMap<>();
    private final Map<String, Long> dropped = new HashMap<>();
    private Set<Labels> seriesCur = new HashSet<>();
    private Set<Labels> seriesPrev = new HashSet<>();
    private long iter;

    private String lastFailure;
    private long lastFailureLogNanos;

    private static final class CacheEntry {
        final Labels lset;
        long lastIter;

        CacheEntry(Labels lset) {
            this.lset = lset;
        }
    }

    ScrapeLoop(ScrapeConfig cfg, ScrapeTarget target, Labels externalLabels, boolean trimSuffixes, String scopeVersion,
            Logger logger, TargetFetcher fetcher) {
        this.cfg = cfg;
        this.target = target;
        this.targetSampleLabels = target.sampleLabels();
        this.externalLabels = externalLabels;
        this.trimSuffixes = trimSuffixes;
        this.scopeVersion = scopeVersion;
        this.logger = logger;
        this.fetcher = fetcher;
    }

    ScrapeTarget target() {
        return target;
    }

    /** Fetches and assembles one scrape stamped {@code appendTimeMs}. */
    Metrics scrape(long appendTimeMs) {
        long start = System.nanoTime();
        TargetFetcher.Body body = null;
        Exception error = null;
        try {
            body = fetcher.fetch(target.url(), target.timeout());
        } catch (IOException | RuntimeException e) {
            error = e;
        }
        return assemble(body, error, appendTimeMs, start);
    }

    /** Assembles a scrape from a fetched body, or from the error that prevented it. */
    Metrics assemble(TargetFetcher.Body body, Exception fetchError, long appendTimeMs, long startNanos) {
        MetricsAssembler asm = newAssembler();
        Exception error = fetchError;
        Counts counts = new Counts();
        if (error == null) {
            try {
                appendBody(asm, body, appendTimeMs, counts);
            } catch (ParseException | ScrapeFailure e) {
                error = e;
                asm = newAssembler();
            }
        }
        if (error != null) {
            seriesCur.clear();
            appendStaleMarkers(asm, appendTimeMs);
            iterDone(false);
            logFailure(error, appendTimeMs);
        } else {
            lastFailure = null;
        }
        double duration = (System.nanoTime() - startNanos) / 1e9;
        ScrapeReport report = new ScrapeReport(error == null, duration, counts.total, counts.added,
                counts.seriesAdded, target.timeout().toMillis() / 1000.0, cfg.sampleLimit(),
                body == null ? 0 : body.length());
        MetricsAssembler reportAsm = asm;
        report.forEachSample(cfg.extraScrapeMetrics(), (name, value) -> reportAsm.append(reportLabels(name),
                appendTimeMs, value, List.of()));
        return asm.build();
    }

    /** Stale markers for everything the last scrape produced, and for the report series (target removed). */
    Metrics staleMarkers(long appendTimeMs) {
        MetricsAssembler asm = newAssembler();
        seriesCur.clear();
        appendStaleMarkers(asm, appendTimeMs);
        iterDone(false);
        new ScrapeReport(false, 0, 0, 0, 0, 0, 0, 0).forEachSample(cfg.extraScrapeMetrics(),
                (name, value) -> asm.append(reportLabels(name), appendTimeMs, STALE_NAN, List.of()));
        return asm.build();
    }

    private MetricsAssembler newAssembler() {
        return new MetricsAssembler(target, externalLabels, metadata::get, trimSuffixes, scopeVersion, logger);
    }

    /** Prometheus's {@code mutateReportSampleLabels}: the target's labels win over nothing else. */
    private Labels reportLabels(String name) {
        LabelsBuilder lb = targetSampleLabels.toBuilder();
        lb.set("__name__", name);
        return lb.labels();
    }

    private static final class Counts {
        long total;
        long added;
        long seriesAdded;
    }

    private void appendBody(MetricsAssembler asm, TargetFetcher.Body body, long appendTimeMs, Counts counts)
            throws ParseException, ScrapeFailure {
        ExpositionParser p = new ExpositionParser(body.bytes(), body.length(), isOpenMetrics(body.contentType()));
        long appended = 0;
        long duplicates = 0;
        boolean sampleLimitExceeded = false;
        List<Exemplar> exemplars = new ArrayList<>(1);
        for (ExpositionParser.Entry e = p.next(); e != ExpositionParser.Entry.EOF; e = p.next()) {
            switch (e) {
                case TYPE -> metadata.put(p.metadataName(), meta(p.metadataName()).withType(p.metadataText()));
                case HELP -> metadata.put(p.metadataName(), meta(p.metadataName()).withHelp(p.metadataText()));
                case UNIT -> metadata.put(p.metadataName(), meta(p.metadataName()).withUnit(p.metadataText()));
                case SERIES -> {
                    counts.total++;
                    boolean explicitTs = cfg.honorTimestamps() && p.hasTimestamp();
                    long t = explicitTs ? p.timestampMs() : appendTimeMs;
                    String key = p.seriesKey();
                    if (dropped.containsKey(key)) {
                        dropped.put(key, iter);
                        continue;
                    }
                    CacheEntry entry = series.get(key);
                    boolean cached = entry != null;
                    if (!cached) {
                        Labels lset = mutateSampleLabels(p.labels());
                        if (lset.isEmpty()) {
                            dropped.put(key, iter);
                            continue;
                        }
                        if (!lset.has("__name__")) {
                            throw new ScrapeFailure("__name__ label is missing");
                        }
                        verifyLabelLimits(lset);
                        entry = new CacheEntry(lset);
                    } else if (entry.lastIter == iter && !explicitTs) {
                        duplicates++;
                        counts.added++;
                        continue;
                    }
                    if (cfg.sampleLimit() > 0 && ++appended > cfg.sampleLimit()) {
                        sampleLimitExceeded = true;
                        counts.added++;
                        continue;
                    }
                    exemplars.clear();
                    if (p.hasExemplar()) {
                        long et = p.exemplarHasTimestamp() ? p.exemplarTimestampMs() : t;
                        exemplars.add(MetricsAssembler.exemplar(p.exemplarLabels(), p.exemplarValue(), et));
                    }
                    asm.append(entry.lset, t, p.value(), exemplars);
                    if (!explicitTs || cfg.trackTimestampsStaleness()) {
                        seriesCur.add(entry.lset);
                    }
                    if (!cached) {
                        series.put(key, entry);
                        counts.seriesAdded++;
                    }
                    entry.lastIter = iter;
                    counts.added++;
                }
                default -> {
                }
            }
        }
        if (sampleLimitExceeded) {
            throw new ScrapeFailure("sample limit exceeded");
        }
        if (duplicates > 0) {
            logger.warn("Error on ingesting samples with different value but same timestamp", "num_dropped",
                    duplicates, "target", target.url().toString());
        }
        appendStaleMarkers(asm, appendTimeMs);
        iterDone(true);
    }

    private MetricMetadata meta(String family) {
        MetricMetadata m = metadata.get(family);
        return m == null ? MetricMetadata.unknown(family) : m;
    }

    private void appendStaleMarkers(MetricsAssembler asm, long appendTimeMs) {
        for (Labels gone : seriesPrev) {
            if (!seriesCur.contains(gone)) {
                asm.append(gone, appendTimeMs, STALE_NAN, List.of());
            }
        }
    }

    /** Prometheus's {@code iterDone}: forget series not seen in a successful scrape, rotate staleness sets. */
    private void iterDone(boolean successful) {
        if (successful) {
            long current = iter;
            series.values().removeIf(e -> e.lastIter < current);
            dropped.values().removeIf(last -> last < current);
        }
        iter++;
        Set<Labels> swap = seriesPrev;
        seriesPrev = seriesCur;
        seriesCur = swap;
        seriesCur.clear();
    }

    /** Target labels onto scraped ones ({@code honor_labels}), then {@code metric_relabel_configs}. */
    Labels mutateSampleLabels(Labels scraped) {
        LabelsBuilder lb = scraped.toBuilder();
        if (cfg.honorLabels()) {
            targetSampleLabels.forEach((name, value) -> {
                if (!scraped.has(name)) {
                    lb.set(name, value);
                }
            });
        } else {
            List<String[]> conflicts = new ArrayList<>();
            targetSampleLabels.forEach((name, value) -> {
                String existing = scraped.get(name);
                if (!existing.isEmpty()) {
                    conflicts.add(new String[] {name, existing});
                }
                lb.set(name, value);
            });
            conflicts.sort((a, b) -> a[0].length() - b[0].length());
            for (String[] c : conflicts) {
                String newName = c[0];
                do {
                    newName = "exported_" + newName;
                } while (!lb.get(newName).isEmpty());
                lb.set(newName, c[1]);
            }
        }
        if (!RelabelRule.process(lb, cfg.metricRelabelConfigs())) {
            return Labels.EMPTY;
        }
        return lb.labels();
    }

    private void verifyLabelLimits(Labels lset) throws ScrapeFailure {
        if (cfg.labelLimit() > 0 && lset.size() > cfg.labelLimit()) {
            throw new ScrapeFailure("label_limit exceeded (metric: " + lset.get("__name__") + ", number of labels: "
                    + lset.size() + ", limit: " + cfg.labelLimit() + ")");
        }
        for (int i = 0; i < lset.size(); i++) {
            if (cfg.labelNameLengthLimit() > 0 && lset.name(i).length() > cfg.labelNameLengthLimit()) {
                throw new ScrapeFailure("label_name_length_limit exceeded (metric: " + lset.get("__name__")
                        + ", label name: " + lset.name(i) + ", length: " + lset.name(i).length() + ", limit: "
                        + cfg.labelNameLengthLimit() + ")");
            }
            if (cfg.labelValueLengthLimit() > 0 && lset.value(i).length() > cfg.labelValueLengthLimit()) {
                throw new ScrapeFailure("label_value_length_limit exceeded (metric: " + lset.get("__name__")
                        + ", label name: " + lset.name(i) + ", value: \"" + lset.value(i) + "\", length: "
                        + lset.value(i).length() + ", limit: " + cfg.labelValueLengthLimit() + ")");
            }
        }
    }

    /** Prometheus's media-type choice: OpenMetrics by Content-Type, else text, else the fallback protocol. */
    boolean isOpenMetrics(String contentType) {
        String media = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (media.equals("application/openmetrics-text")) {
            return true;
        }
        if (media.equals("text/plain")) {
            return false;
        }
        return cfg.fallbackScrapeProtocol().startsWith("OpenMetrics");
    }

    /** Upstream logs every failed scrape; repeats of the same reason are throttled to one a minute here. */
    private void logFailure(Exception error, long appendTimeMs) {
        String reason = String.valueOf(error.getMessage());
        long now = System.nanoTime();
        if (reason.equals(lastFailure) && now - lastFailureLogNanos < FAILURE_LOG_INTERVAL_NANOS) {
            return;
        }
        lastFailure = reason;
        lastFailureLogNanos = now;
        logger.warn("Failed to scrape Prometheus endpoint", "error", reason, "scrape_timestamp", appendTimeMs,
                "target_labels", target.sampleLabels().toString());
    }
}
