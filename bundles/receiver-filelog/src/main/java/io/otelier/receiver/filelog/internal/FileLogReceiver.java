package io.otelier.receiver.filelog.internal;

import io.otelier.api.component.ComponentId;
import io.otelier.api.component.CreateSettings;
import io.otelier.api.component.Host;
import io.otelier.api.consumer.Consumer;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.receiver.Receiver;
import io.otelier.api.storage.StorageClient;
import io.otelier.api.telemetry.Logger;
import io.otelier.helper.fileconsumer.FileConsumer;
import io.otelier.helper.fileconsumer.Storage;
import io.otelier.helper.fileconsumer.Token;
import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.EntryDecorator;
import io.otelier.helper.stanza.LogEmitter;
import io.otelier.helper.stanza.LogsForwarder;
import io.otelier.helper.stanza.OperatorPipeline;
import io.otelier.pdata.Logs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tails files and feeds each line through the stanza operators to the next consumer (upstream's stanza adapter
 * receiver with the file input). A batch of lines goes through the operators and on to the next consumer before the
 * file offset moves past it, so a crash re-reads rather than loses (at least once, given a storage).
 */
final class FileLogReceiver implements Receiver {

    private final CreateSettings settings;
    private final FileLogConfig config;
    private final Consumer<Logs> next;
    private final Logger logger;
    private LogsForwarder forwarder;
    private LogEmitter emitter;
    private OperatorPipeline pipeline;
    private BatchSink sink;
    private FileConsumer files;
    private StorageClient storage;

    FileLogReceiver(CreateSettings settings, FileLogConfig config, Consumer<Logs> next) {
        this.settings = settings;
        this.config = config;
        this.next = next;
        this.logger = settings.telemetry().logger();
    }

    @Override
    public void start(Host host) throws Exception {
        logger.info("Starting stanza receiver");
        // the key space is the primary type's, whichever alias the config used
        ComponentId owner = ComponentId.of(FileLogReceiverFactory.TYPE, settings.id().name());
        try {
            storage = Storage.client(host, config.storage(), owner);
        } catch (IOException e) {
            throw new IOException("storage client: " + e.getMessage(), e);
        }
        String threadName = "otelier-" + settings.id() + "-";
        forwarder = new LogsForwarder(next, config.retryOnFailure(), logger, FileLogReceiverFactory.SCOPE_NAME,
                settings.buildInfo().version(), RequestContext.EMPTY);
        emitter = new LogEmitter(forwarder, LogEmitter.DEFAULT_MAX_BATCH_SIZE, LogEmitter.DEFAULT_FLUSH_INTERVAL,
                threadName + "emitter");
        sink = new BatchSink(emitter);
        pipeline = OperatorPipeline.build(config.operators(), logger, sink);
        EntryDecorator decorator = EntryDecorator.of(config.attributes(), config.resource());
        // with no operators and no decoration an entry goes straight into the batch, sharing its file's attributes
        boolean direct = decorator.isEmpty() && pipeline.operatorIds().isEmpty();
        files = new FileConsumer(config, tokens -> {
            if (direct) {
                forward(passThrough(tokens));
            } else {
                forward(throughOperators(tokens, decorator));
            }
        }, logger, threadName + "poller");
        emitter.start();
        pipeline.start();
        try {
            files.start(storage);
        } catch (IOException e) {
            throw new IOException("start stanza: " + e.getMessage(), e);
        }
    }

    private static List<Entry> passThrough(List<Token> tokens) {
        List<Entry> out = new ArrayList<>(tokens.size());
        for (Token token : tokens) {
            Entry entry = new Entry(token.body());
            if (!token.attributes().isEmpty()) {
                entry.setAttributes(token.attributes()); // nothing changes it on this path
            }
            out.add(entry);
        }
        return out;
    }

    private List<Entry> throughOperators(List<Token> tokens, EntryDecorator decorator) {
        return sink.collect(tokens.size(), () -> {
            for (Token token : tokens) {
                Entry entry = new Entry(token.body());
                try {
                    decorator.decorate(entry);
                } catch (IllegalStateException e) {
                    logger.error("failed to create entry", e);
                    continue;
                }
                Map<String, Object> attributes = token.attributes();
                if (entry.attributes() == null) {
                    if (!attributes.isEmpty()) {
                        entry.setAttributes(new LinkedHashMap<>(attributes)); // one copy, no per-key calls
                    }
                } else {
                    attributes.forEach(entry::addAttribute);
                }
                pipeline.process(entry);
            }
        });
    }

    private void forward(List<Entry> entries) {
        if (!entries.isEmpty()) {
            // handed on before the reader moves its offset past these lines
            forwarder.accept(entries);
        }
    }

    @Override
    public void shutdown() throws Exception {
        logger.info("Stopping stanza receiver");
        if (files != null) {
            // first no offset may move any more, then retries in progress give up, then the reader can end
            files.beginStop();
        }
        if (forwarder != null) {
            forwarder.stop();
        }
        if (files != null) {
            files.stop();
        }
        if (pipeline != null) {
            pipeline.stop();
        }
        if (emitter != null) {
            emitter.stop();
        }
        if (storage != null) {
            storage.close();
        }
    }
}
