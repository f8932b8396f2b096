package io.otelier.helper.fileconsumer.internal;

import io.otelier.api.telemetry.Logger;
import io.otelier.helper.fileconsumer.Emitter;
import io.otelier.helper.fileconsumer.FileConsumerConfig;
import java.util.Arrays;
import java.util.function.LongSupplier;

/** What every reader of one consumer shares (upstream reader.Factory). */
public final class ReaderSettings {

    final FileConsumerConfig config;
    final Encodings.Encoding encoding;
    final SplitFunc baseSplit;
    final Emitter emitter;
    final Logger logger;
    final LongSupplier clockMillis;
    final FileAttributes attributes;
    volatile boolean fromBeginning;
    /** The default splitting (lines ending in a one-byte newline, max_log_size cuts) fits {@link FusedLineSplit}. */
    private final boolean fusable;
    /** Called on the reading thread after each emitted batch (the poller checkpoints from it). */
    Runnable afterBatch = () -> { };

    public ReaderSettings(FileConsumerConfig config, Emitter emitter, Logger logger, LongSupplier clockMillis) {
        this.config = config;
        this.encoding = Encodings.lookup(config.encoding());
        this.baseSplit = Splits.of(config.multiline(), encoding, false, config.maxLogSize());
        this.emitter = emitter;
        this.logger = logger;
        this.clockMillis = clockMillis;
        this.attributes = new FileAttributes(config);
        this.fromBeginning = FileConsumerConfig.START_AT_BEGINNING.equals(config.startAt());
        this.fusable = !encoding.isNop() && config.multiline().lineStartPattern().isEmpty()
                && config.multiline().lineEndPattern().isEmpty() && !config.truncateOnMaxLogSize()
                && Arrays.equals(encoding.newline(), new byte[] {'\n'})
                && Arrays.equals(encoding.carriageReturn(), new byte[] {'\r'});
    }

    boolean decompress() {
        return !config.compression().isEmpty();
    }

    /** The split function of one file, with that file's flush and truncate state. */
    SplitFunc contentSplit(FileState state) {
        if (fusable) {
            return new FusedLineSplit(config.maxLogSize(), config.preserveLeadingWhitespaces(),
                    config.preserveTrailingWhitespaces(), state.flush, config.forceFlushPeriod(), clockMillis);
        }
        SplitFunc split = SplitWrappers.flush(baseSplit, state.flush, config.forceFlushPeriod(), clockMillis);
        split = config.truncateOnMaxLogSize()
                ? SplitWrappers.toLengthTruncating(split, config.maxLogSize(), state.truncate)
                : SplitWrappers.toLength(split, config.maxLogSize());
        if (!encoding.isNop()) {
            split = SplitWrappers.trim(split, config.preserveLeadingWhitespaces(),
                    config.preserveTrailingWhitespaces());
        }
        return split;
    }
}
