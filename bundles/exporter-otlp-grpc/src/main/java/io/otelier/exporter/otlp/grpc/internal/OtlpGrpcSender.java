package io.otelier.exporter.otlp.grpc.internal;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.otelier.api.component.Host;
import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.consumer.RetryableException;
import io.otelier.api.telemetry.Logger;
import io.otelier.helper.exporter.Sender;
import io.otelier.helper.grpc.GrpcChannels;
import io.otelier.helper.grpc.GrpcClientSettings;
import io.otelier.helper.grpc.GrpcErrors;
import io.otelier.helper.grpc.OtlpGrpcClient;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.otlp.PartialSuccess;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code Export} call per request (upstream otlpexporter's {@code push*} functions). The channel is made at
 * start and connects in the background, so a backend that is down or a name that does not resolve yet never
 * fails startup: calls fail retryably until the channel is connected. Thread-safe.
 */
final class OtlpGrpcSender<T extends Telemetry> implements Sender<T> {

    /** How long shutdown lets calls still in flight finish before cancelling them. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final GrpcClientSettings settings;
    private final String droppedField;
    private final Logger log;
    private volatile ManagedChannel channel;

    /**
     * @param droppedField the log field of a partial success's rejected count ({@code dropped_spans}, …)
     */
    OtlpGrpcSender(GrpcClientSettings settings, String droppedField, Logger log) {
        this.settings = settings;
        this.droppedField = droppedField;
        this.log = log;
    }

    @Override
    public void start(Host host) {
        channel = GrpcChannels.create(settings);
    }

    @Override
    public void send(RequestContext context, T data, Duration timeout) throws ConsumerException {
        ManagedChannel current = channel;
        if (current == null) {
            throw new RetryableException("otlp exporter not started");
        }
        PartialSuccess response;
        try {
            // the configured headers are added by the channel itself
            response = OtlpGrpcClient.export(current, data, timeout, Map.of());
        } catch (StatusRuntimeException e) {
            throw GrpcErrors.toConsumerException(e);
        }
        if (response != null && (!response.errorMessage().isEmpty() || response.rejected() != 0)) {
            log.warn("Partial success response", "message", response.errorMessage(), droppedField,
                    response.rejected());
        }
    }

    @Override
    public void shutdown() throws InterruptedException {
        ManagedChannel current = channel;
        channel = null;
        if (current == null) {
            return;
        }
        current.shutdown();
        if (!current.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            current.shutdownNow();
            if (!current.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("The gRPC channel did not terminate in time", "endpoint", settings.endpoint());
            }
        }
    }
}
