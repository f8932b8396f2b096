package io.otelier.helper.stanza;

import io.otelier.api.config.ConfigException;
import io.otelier.api.telemetry.Level;
import io.otelier.api.telemetry.Logger;
import io.otelier.helper.stanza.internal.op.Pipeline;
import java.util.List;
import java.util.Map;

/**
 * The operators of a log receiver, built from the raw {@code operators} list of its config (upstream
 * {@code pipeline.Config}): each map holds {@code type}, optional {@code id} (default: the type, repeated
 * defaults de-duplicated as {@code type1}, {@code type2}…), optional {@code output} (default: the next
 * operator; after the last one, the sink) and the type's own keys, checked strictly.
 *
 * <p>{@link #process} is thread-safe and never throws for bad data: each operator's {@code on_error}
 * decides. Config problems are {@link ConfigException}s at {@code operators::<index>::<key>}.
 */
public final class OperatorPipeline {

    private final Pipeline pipeline;

    private OperatorPipeline(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    /**
     * Checks the config as building would, for a receiver config's {@code validate()}.
     *
     * @throws ConfigException naming {@code operators::<index>::<key>}
     */
    public static void validate(List<Map<String, Object>> operators) {
        Pipeline.build(operators, SILENT, entry -> { });
    }

    /**
     * Builds the pipeline; entries that pass all operators go to {@code sink}.
     *
     * @throws ConfigException naming {@code operators::<index>::<key>}
     */
    public static OperatorPipeline build(List<Map<String, Object>> operators, Logger logger, EntrySink sink) {
        return new OperatorPipeline(Pipeline.build(operators, logger, sink));
    }

    /** The operator ids in config order, after de-duplication. */
    public List<String> operatorIds() {
        return pipeline.operatorIds();
    }

    /** Starts operators with timers (recombine's force flush…). */
    public void start() {
        pipeline.start();
    }

    /** Stops operators, flushing what they hold towards the sink. */
    public void stop() {
        pipeline.stop();
    }

    /** Feeds one entry into the first operator (or straight to the sink when there are none). */
    public void process(Entry entry) {
        pipeline.process(entry);
    }

    public void processAll(List<Entry> entries) {
        for (Entry entry : entries) {
            pipeline.process(entry);
        }
    }

    private static final Logger SILENT = new Logger() {
        @Override
        public boolean isEnabled(Level level) {
            return false;
        }

        @Override
        public void log(Level level, String message, Throwable error, Object... fields) {
        }

        @Override
        public Logger with(Object... fields) {
            return this;
        }
    };
}
