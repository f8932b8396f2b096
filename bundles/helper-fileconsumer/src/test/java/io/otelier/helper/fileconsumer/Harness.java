package io.otelier.helper.fileconsumer;

import io.otelier.testkit.RecordingLogger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A file consumer driven poll by poll, collecting what it emits, with a clock the test moves. */
final class Harness {

    final List<Token> tokens = new ArrayList<>();
    final RecordingLogger logger = new RecordingLogger();
    final AtomicLong clock = new AtomicLong(1_000_000);
    final FileConsumer consumer;

    Harness(FileConsumerConfig config) {
        consumer = new FileConsumer(config, batch -> {
            synchronized (tokens) {
                tokens.addAll(batch);
            }
        }, logger, "test-fileconsumer", clock::get);
    }

    static FileConsumerConfig config(Path dir, String glob) {
        // a poll interval no test waits for: polls are driven by the test
        return new FileConsumerConfig().include(dir.resolve(glob).toString())
                .pollInterval(java.time.Duration.ofHours(1));
    }

    static FileConsumerConfig fromStart(Path dir, String glob) {
        return config(dir, glob).startAt("beginning");
    }

    Harness start() throws IOException {
        return start(null);
    }

    Harness start(MemoryStorage storage) throws IOException {
        // drive polls from the test: start only restores checkpoints and launches a thread we stop at once
        consumer.start(storage);
        return this;
    }

    /** Polls once and returns the bodies emitted by that poll. */
    List<Object> poll() {
        int before;
        synchronized (tokens) {
            before = tokens.size();
        }
        consumer.pollOnce();
        synchronized (tokens) {
            return tokens.subList(before, tokens.size()).stream().map(Token::body).toList();
        }
    }

    List<Object> bodies() {
        synchronized (tokens) {
            return tokens.stream().map(Token::body).toList();
        }
    }

    static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static void append(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
