package io.otelier.receiver.filelog.internal;

import io.otelier.helper.stanza.Entry;
import io.otelier.helper.stanza.EntrySink;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the operators' output goes. Entries they produce while the reading thread feeds them a batch of lines are
 * collected and handed on with that batch, on that thread, so the file offset moves only after they were consumed.
 * Entries operators emit later on their own timers (recombine's force flush) go through the batching emitter.
 */
final class BatchSink implements EntrySink {

    private final ThreadLocal<List<Entry>> collecting = new ThreadLocal<>();
    private final EntrySink later;

    BatchSink(EntrySink later) {
        this.later = later;
    }

    @Override
    public void accept(Entry entry) {
        List<Entry> batch = collecting.get();
        if (batch != null) {
            batch.add(entry);
        } else {
            later.accept(entry);
        }
    }

    /**
     * Runs {@code feed} and returns what reached this sink meanwhile on this thread.
     *
     * @param expected how many entries are likely (the lines fed), to size the batch once
     */
    List<Entry> collect(int expected, Runnable feed) {
        List<Entry> batch = new ArrayList<>(expected);
        collecting.set(batch);
        try {
            feed.run();
        } finally {
            collecting.remove();
        }
        return batch;
    }
}
