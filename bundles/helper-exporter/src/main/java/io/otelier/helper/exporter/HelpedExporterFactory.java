package io.otelier.helper.exporter;

import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Signal;
import io.otelier.api.component.Stability;
import io.otelier.api.config.ComponentConfig;
import io.otelier.api.exporter.ExporterFactory;
import io.otelier.pdata.Telemetry;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Base of the factory of an exporter made of a {@link Sender} per signal behind this helper's chain (the shape of
 * upstream's {@code exporterhelper.NewTraces/NewMetrics/NewLogs}). It answers the factory's fixed facts and adds
 * {@link ExporterHelper#UNSUPPORTED_KEYS} to the exporter's own unsupported keys, since every such config carries
 * the helper's sections; a subclass makes the default config and, per signal it supports, the sender, which it
 * hands to {@link #helped}.
 *
 * @param <C> the exporter's config
 */
@ConsumerType
public abstract class HelpedExporterFactory<C extends ComponentConfig> implements ExporterFactory<C> {

    private final String type;
    private final Optional<String> deprecatedType;
    private final Class<C> configClass;
    private final Map<Signal, Stability> signals;
    private final Set<String> unsupportedKeys;

    /**
     * @param deprecatedType      the alias still accepted in configs; null for none
     * @param ownUnsupportedKeys  upstream keys of the exporter's config outside the helper's sections that are not
     *                            implemented yet
     */
    protected HelpedExporterFactory(String type, String deprecatedType, Class<C> configClass,
            Map<Signal, Stability> signals, Collection<String> ownUnsupportedKeys) {
        this.type = Objects.requireNonNull(type, "type");
        this.deprecatedType = Optional.ofNullable(deprecatedType);
        this.configClass = Objects.requireNonNull(configClass, "configClass");
        this.signals = Map.copyOf(signals);
        Set<String> keys = new HashSet<>(ownUnsupportedKeys);
        keys.addAll(ExporterHelper.UNSUPPORTED_KEYS);
        this.unsupportedKeys = Set.copyOf(keys);
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final Optional<String> deprecatedType() {
        return deprecatedType;
    }

    @Override
    public final Class<C> configClass() {
        return configClass;
    }

    @Override
    public final Set<String> unsupportedKeys() {
        return unsupportedKeys;
    }

    @Override
    public final Map<Signal, Stability> signals() {
        return signals;
    }

    /**
     * The exporter for {@code signal}: {@code sender} behind the chain the config's sections describe.
     *
     * @param queue      {@code sending_queue}; null or disabled: no queue
     * @param retry      {@code retry_on_failure}; null or disabled: no retries
     * @param timeout    the per-attempt timeout
     * @param bytesSizer a request's OTLP protobuf size, its weight under {@code sizer: bytes}
     */
    protected static <T extends Telemetry> HelpedExporter<T> helped(CreateSettings settings, Signal signal,
            QueueSettings queue, RetrySettings retry, TimeoutSettings timeout, Sender<T> sender,
            ToLongFunction<? super T> bytesSizer) {
        return ExporterHelper.builder(settings, signal, sender)
                .queue(queue)
                .retry(retry)
                .timeout(timeout)
                .bytesSizer(bytesSizer)
                .build();
    }
}
