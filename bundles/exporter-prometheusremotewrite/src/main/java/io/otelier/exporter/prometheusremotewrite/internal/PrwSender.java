package io.otelier.exporter.prometheusremotewrite.internal;

import io.otelier.api.component.Host;
import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.PermanentException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.api.telemetry.Logger;
import io.otelier.helper.exporter.Sender;
import io.otelier.helper.http.HttpClients;
import io.otelier.pdata.Metrics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Upstream's {@code PushMetrics} for remote write 1.0: translates a request, splits the series into write
 * requests of at most {@code max_batch_size_bytes}, and sends them with up to {@code concurrency} at once (a
 * series is in one request only, so each series stays in order) — or, with a {@code wal}, appends them to the
 * write-ahead log, from which a {@link WalDrainer} sends them. Thread-safe.
 */
final class PrwSender implements Sender<Metrics> {

    private final PrwExporterConfig config;
    private final String userAgent;
    private final Logger log;
    private final String threadPrefix;
    private final PrwTelemetry telemetry;
    private volatile AutoCloseable gauges;
    private volatile RemoteWriteClient client;
    private volatile ExecutorService workers;
    private volatile WalDrainer wal;

    PrwSender(PrwExporterConfig config, String userAgent, Logger log, String id, PrwTelemetry telemetry) {
        this.config = config;
        this.userAgent = userAgent;
        this.log = log;
        this.threadPrefix = "otelier-prw-" + id;
        this.telemetry = telemetry;
    }

    @Override
    public void start(Host host) throws Exception {
        client = new RemoteWriteClient(HttpClients.create(config.clientSettings()), config.endpointUri(), userAgent,
                config.retryOnFailure(), log, telemetry::sentBatch);
        int concurrency = config.concurrency();
        if (concurrency > 1) {
            AtomicInteger n = new AtomicInteger();
            workers = Executors.newFixedThreadPool(concurrency, r -> {
                Thread t = new Thread(r, threadPrefix + "-send-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        if (config.wal() != null) {
            PrwExporterConfig.Wal settings = config.wal();
            WriteAheadLog opened;
            try {
                opened = WriteAheadLog.open(settings.path());
            } catch (IOException e) {
                throw new IOException("prometheusremotewriteexporter: failed to open WAL: " + e.getMessage(), e);
            }
            // requests read back from the log may come from different exports and share series: one at a time
            wal = new WalDrainer(opened, requests -> export(requests, false), settings.effectiveBufferSize(),
                    settings.effectiveTruncateFrequency(), log, telemetry);
            if (wal.pending() > 0) {
                log.info("replaying write-ahead log", "requests", wal.pending(), "directory",
                        settings.path().toString());
            }
            wal.start(threadPrefix + "-wal");
        }
        WalDrainer drainer = wal;
        gauges = telemetry.gauges(config.concurrency(), drainer == null ? null : drainer::pending);
    }

    /** @param timeout unused: {@code timeout} bounds each HTTP attempt, as upstream */
    @Override
    public void send(RequestContext context, Metrics data, Duration timeout) throws ConsumerException {
        if (client == null) {
            throw new RetryableException("prometheus_remote_write exporter not started");
        }
        MetricsTranslator.Result translated = MetricsTranslator.translate(data, config.translationSettings());
        telemetry.translated(translated.series().size(), !translated.errors().isEmpty());
        if (!translated.errors().isEmpty()) {
            log.debug("failed to translate metrics, exporting remaining metrics", "error",
                    String.join("; ", translated.errors()), "translated", translated.series().size());
        }
        if (translated.series().isEmpty()) {
            return;
        }
        List<byte[]> requests = new ArrayList<>(WriteRequests.encodeBatches(translated.series(),
                config.effectiveMaxBatchSizeBytes()));
        if (config.sendMetadata()) {
            requests.addAll(WriteRequests.encodeMetadataBatches(MetricMetadata.of(data, config.translationSettings()),
                    config.effectiveMaxBatchSizeBytes()));
        }
        WalDrainer drainer = wal;
        if (drainer == null) {
            export(requests, true);
            return;
        }
        long bytes = requests.stream().mapToLong(r -> r.length).sum();
        try {
            drainer.persist(requests);
            telemetry.walWrite(bytes, false);
        } catch (IOException e) {
            telemetry.walWrite(bytes, true);
            throw new RetryableException("failed to write to the write-ahead log: " + e.getMessage(), e);
        }
    }

    /**
     * Sends write requests, each with its own retries; every request is tried even when one fails. The failure
     * is permanent when one request's is, and a payload rejection when all failed requests were rejected.
     *
     * @param parallel whether the requests may go out at once: only when no two of them hold the same series
     *                 (the batches of one export), since Prometheus rejects a series' samples out of order
     */
    void export(List<byte[]> requests, boolean parallel) throws ConsumerException {
        RemoteWriteClient current = client;
        ExecutorService pool = workers;
        List<ConsumerException> errors = new ArrayList<>();
        long rejectedSamples = 0;
        if (pool == null || !parallel || requests.size() == 1) {
            for (byte[] request : requests) {
                try {
                    current.send(WriteRequests.compress(request));
                } catch (ConsumerException e) {
                    errors.add(e);
                    rejectedSamples += e instanceof RemoteWriteClient.PayloadRejectedException
                            ? WriteRequests.sampleCount(request) : 0;
                }
            }
        } else {
            List<Future<?>> sends = new ArrayList<>();
            for (byte[] request : requests) {
                sends.add(pool.submit(() -> {
                    current.send(WriteRequests.compress(request));
                    return null;
                }));
            }
            for (int i = 0; i < sends.size(); i++) {
                try {
                    sends.get(i).get();
                } catch (ExecutionException e) {
                    ConsumerException failure = ConsumerException.of(e.getCause());
                    errors.add(failure);
                    rejectedSamples += failure instanceof RemoteWriteClient.PayloadRejectedException
                            ? WriteRequests.sampleCount(requests.get(i)) : 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    errors.add(new RetryableException("interrupted", e));
                    break;
                }
            }
        }
        if (errors.isEmpty()) {
            return;
        }
        String message = errors.size() + " of " + requests.size() + " requests were not sent: "
                + errors.get(0).getMessage();
        if (errors.stream().allMatch(e -> e instanceof RemoteWriteClient.PayloadRejectedException)) {
            throw new RemoteWriteClient.PayloadRejectedException(message,
                    ((RemoteWriteClient.PayloadRejectedException) errors.get(0)).status, errors.size(),
                    rejectedSamples);
        }
        if (errors.stream().anyMatch(ConsumerException::isPermanent)) {
            throw new PermanentException(message, errors.get(0));
        }
        throw new RetryableException(message, errors.get(0));
    }

    /** Called when the exporter's shutdown starts, before the queue drains: queued requests are tried once. */
    void stopRetries() {
        RemoteWriteClient current = client;
        if (current != null) {
            current.stopRetries();
        }
    }

    @Override
    public void shutdown() throws Exception {
        stopRetries();
        AutoCloseable registered = gauges;
        gauges = null;
        if (registered != null) {
            registered.close();
        }
        WalDrainer drainer = wal;
        wal = null;
        if (drainer != null) {
            drainer.stop();
        }
        ExecutorService pool = workers;
        workers = null;
        if (pool != null) {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        // Java 17's HTTP client has no close(): dropping the only reference releases it
        client = null;
    }
}
