package io.otelier.tests.generator;

import io.otelier.api.component.Host;
import io.otelier.api.consumer.Consumer;
import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.api.receiver.Receiver;
import io.otelier.api.telemetry.Logger;
import io.otelier.pdata.Telemetry;
import java.util.function.IntFunction;

/** Emits the configured batches from its own thread, then idles until shutdown. */
final class GeneratorReceiver<T extends Telemetry> implements Receiver {

    private final GeneratorConfig config;
    private final Consumer<T> next;
    private final IntFunction<T> make;
    private final Logger log;
    private Thread thread;

    GeneratorReceiver(GeneratorConfig config, Consumer<T> next, IntFunction<T> make, Logger log) {
        this.config = config;
        this.next = next;
        this.make = make;
        this.log = log;
    }

    @Override
    public void start(Host host) {
        thread = new Thread(this::emit, "test-generator");
        thread.setDaemon(true);
        thread.start();
    }

    private void emit() {
        try {
            Thread.sleep(config.delay().toMillis());
            for (int b = 0; b < config.batches(); b++) {
                try {
                    next.consume(RequestContext.EMPTY.withTransport("test"), make.apply(config.items()));
                } catch (ConsumerException e) {
                    log.warn("generated batch refused", "error", e.getMessage());
                }
            }
            log.info("generator done", "batches", config.batches(), "items", config.items());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void shutdown() throws InterruptedException {
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
    }
}
