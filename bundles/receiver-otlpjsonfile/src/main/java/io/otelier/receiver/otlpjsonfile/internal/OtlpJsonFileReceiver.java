package io.otelier.receiver.otlpjsonfile.internal;

import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Host;
import io.otelier.api.consumer.Consumer;
import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.receiver.Receiver;
import io.otelier.api.storage.StorageClient;
import io.otelier.api.telemetry.Logger;
import io.otelier.helper.fileconsumer.FileConsumer;
import io.otelier.helper.fileconsumer.Storage;
import io.otelier.helper.fileconsumer.Token;
import io.otelier.pdata.Telemetry;
import io.otelier.pdata.otlp.OtlpDecodeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads OTLP/JSON lines (one export request per line, as the file exporter's json format writes them) and passes
 * each line's data of this receiver's signal on. A line that is not OTLP/JSON is refused and skipped, as upstream
 * counts it as refused without logging; the next line is read all the same.
 */
final class OtlpJsonFileReceiver<T extends Telemetry> implements Receiver {

    /** Decodes one line. */
    @FunctionalInterface
    interface Decoder<T> {
        T decode(byte[] utf8) throws OtlpDecodeException;
    }

    private final CreateSettings settings;
    private final OtlpJsonFileConfig config;
    private final Consumer<T> next;
    private final String signal;
    private final Decoder<T> decoder;
    private final Predicate<T> hasData;
    private final Logger logger;
    private FileConsumer files;
    private StorageClient storage;

    OtlpJsonFileReceiver(CreateSettings settings, OtlpJsonFileConfig config, Consumer<T> next, String signal,
            Decoder<T> decoder, Predicate<T> hasData) {
        this.settings = settings;
        this.config = config;
        this.next = next;
        this.signal = signal;
        this.decoder = decoder;
        this.hasData = hasData;
        this.logger = settings.telemetry().logger();
    }

    @Override
    public void start(Host host) throws Exception {
        // each signal's instance reads on its own, so each keeps its offsets under a name of its own
        storage = Storage.client(host, config.storage(), settings.id(), signal);
        files = new FileConsumer(config, this::emit, logger, "otelier-" + settings.id() + "-" + signal);
        files.start(storage);
    }

    private void emit(List<Token> tokens) throws InterruptedException {
        for (Token token : tokens) {
            byte[] line = token.body() instanceof byte[] bytes ? bytes
                    : ((String) token.body()).getBytes(StandardCharsets.UTF_8);
            T data;
            try {
                data = decoder.decode(line);
            } catch (OtlpDecodeException e) {
                logger.debug("skipping a line that is not OTLP/JSON", "error", e.getMessage());
                continue;
            }
            if (!hasData.test(data)) {
                continue;
            }
            try {
                next.consume(RequestContext.EMPTY, data);
            } catch (ConsumerException e) {
                logger.debug("next consumer refused the data", "error", String.valueOf(e.getMessage()));
            }
        }
    }

    @Override
    public void shutdown() throws Exception {
        if (files != null) {
            files.stop();
        }
        if (storage != null) {
            storage.close();
        }
    }
}
