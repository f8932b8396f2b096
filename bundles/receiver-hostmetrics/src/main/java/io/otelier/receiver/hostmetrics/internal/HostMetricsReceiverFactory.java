package io.otelier.receiver.hostmetrics.internal;

import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.consumer.Consumer;
import io.otelier.api.receiver.Receiver;
import io.otelier.api.receiver.ReceiverFactory;
import io.otelier.pdata.Metrics;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code host_metrics} receiver, alias {@code hostmetrics} (upstream receiver/hostmetricsreceiver v0.165:
 * beta for metrics). Upstream's development-stage logs signal (host entity events) is not offered.
 */
@Component(service = ReceiverFactory.class)
public final class HostMetricsReceiverFactory implements ReceiverFactory<HostMetricsConfig> {

    static final String TYPE = "host_metrics";
    static final String DEPRECATED_TYPE = "hostmetrics";

    /** Upstream's scrapers that this distribution does not implement yet. */
    static final Set<String> UNSUPPORTED_SCRAPERS = Set.of("nfs");

    private static final Set<String> UNSUPPORTED_KEYS = Stream.concat(Stream.of("timeout",
            "scrapers::disk::include::regexp", "scrapers::disk::exclude::regexp", "scrapers::network::include::regexp",
            "scrapers::network::exclude::regexp", "scrapers::filesystem::include_devices::regexp",
            "scrapers::filesystem::exclude_devices::regexp", "scrapers::filesystem::include_fs_types::regexp",
            "scrapers::filesystem::exclude_fs_types::regexp", "scrapers::filesystem::include_mount_points::regexp",
            "scrapers::filesystem::exclude_mount_points::regexp", "scrapers::process::include::regexp",
            "scrapers::process::exclude::regexp", "scrapers::process::resource_attributes::*::metrics_include",
            "scrapers::process::resource_attributes::*::metrics_exclude",
            // upstream's semantic conventions v1 metrics (targets of its alpha migration gates) are not offered yet
            "scrapers::process::metrics::process.context_switches@v1", "scrapers::process::metrics::process.cpu.time@v1",
            "scrapers::process::metrics::process.cpu.utilization@v1", "scrapers::process::metrics::process.disk.io@v1",
            "scrapers::process::metrics::process.paging.faults@v1", "scrapers::process::metrics::process.thread.count@v1",
            "scrapers::process::metrics::process.unix.file_descriptor.count@v1",
            "scrapers::process::metrics::process.windows.handle.count@v1"),
            UNSUPPORTED_SCRAPERS.stream().map(s -> "scrapers::" + s)).collect(Collectors.toUnmodifiableSet());

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<String> deprecatedType() {
        return Optional.of(DEPRECATED_TYPE);
    }

    @Override
    public Class<HostMetricsConfig> configClass() {
        return HostMetricsConfig.class;
    }

    @Override
    public HostMetricsConfig createDefaultConfig() {
        return HostMetricsConfig.defaults();
    }

    @Override
    public Set<String> unsupportedKeys() {
        return UNSUPPORTED_KEYS;
    }

    @Override
    public Map<Signal, Stability> signals() {
        return Map.of(Signal.METRICS, Stability.BETA);
    }

    @Override
    public Receiver createMetrics(CreateSettings settings, HostMetricsConfig config, Consumer<Metrics> next) {
        return new HostMetricsReceiver(settings, config, next);
    }
}
