package io.otelier.exporter.file.internal;

import io.otelier.api.component.Host;
import io.otelier.api.consumer.PermanentException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.exporter.Exporter;
import io.otelier.pdata.Telemetry;
import java.io.IOException;

/** One signal's view of a shared {@link FileExporter}. */
final class FileSignalExporter<T extends Telemetry> implements Exporter<T> {

    private final FileExporter shared;
    private final SignalCodec<T, ?> codec;
    private boolean started;

    FileSignalExporter(FileExporter shared, SignalCodec<T, ?> codec) {
        this.shared = shared;
        this.codec = codec;
    }

    @Override
    public synchronized void start(Host host) throws IOException {
        if (!started) {
            shared.start();
            started = true;
        }
    }

    @Override
    public void consume(RequestContext context, T data) throws PermanentException {
        try {
            shared.export(codec, data);
        } catch (IOException e) {
            // a full disk or a missing directory does not heal by retrying the same batch soon
            throw new PermanentException(e.getMessage(), e);
        }
    }

    @Override
    public boolean mutatesData() {
        return false;
    }

    @Override
    public synchronized void shutdown() throws IOException, InterruptedException {
        if (started) {
            started = false;
            shared.shutdown();
        } else {
            shared.forgetIfIdle();
        }
    }
}
