package io.otelier.helper.exporter.internal;

import io.otelier.api.consumer.ConsumerException;
import io.otelier.api.consumer.RequestContext;
import io.otelier.pdata.Traces;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A fake next stage: fails with the scripted errors in turn (null = succeed), then succeeds. */
final class ScriptedStage implements Stage<Traces> {

    private final Deque<ConsumerException> script = new ArrayDeque<>();
    final List<Traces> delivered = new ArrayList<>();
    int attempts;

    ScriptedStage failing(ConsumerException... errors) {
        for (ConsumerException e : errors) {
            script.add(e);
        }
        return this;
    }

    ScriptedStage failingTimes(int n, ConsumerException error) {
        for (int i = 0; i < n; i++) {
            script.add(error);
        }
        return this;
    }

    @Override
    public synchronized void send(RequestContext context, Traces data) throws ConsumerException {
        attempts++;
        ConsumerException next = script.poll();
        if (next != null) {
            throw next;
        }
        delivered.add(data);
    }
}
