package io.otelier.helper.fileconsumer.internal;

import io.otelier.helper.fileconsumer.FileConsumerConfig;
import io.otelier.helper.fileconsumer.Token;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;

/**
 * One open file (upstream reader.Reader): reads from the remembered offset to the end, cuts the bytes into entries,
 * emits them in batches and moves the offset past each batch once it is emitted. The handle stays open between
 * polls, so a file renamed away from the globs can still be read to its end.
 */
public final class FileReader {

    static final int MAX_BATCH = 100;

    private final ReaderSettings settings;
    private final String path;
    private FileState state;
    private FileChannel channel;
    private final SplitFunc contentSplit;
    private boolean readingGzip;

    private FileReader(ReaderSettings settings, String path, FileChannel channel, FileState state) {
        this.settings = settings;
        this.path = path;
        this.channel = channel;
        this.state = state;
        this.contentSplit = settings.contentSplit(state);
    }

    public static FileChannel open(String path) throws IOException {
        return FileChannel.open(Path.of(path), StandardOpenOption.READ);
    }

    /** A reader for a file seen for the first time: from its start, or from its end when start_at is end. */
    static FileReader fresh(ReaderSettings settings, String path, FileChannel channel, Fingerprint fp)
            throws IOException {
        FileState state = new FileState(fp, settings.clockMillis.getAsLong());
        state.gzip = settings.decompress() && Gzip.isGzip(channel);
        return resumed(settings, path, channel, state, !settings.fromBeginning);
    }

    /** A reader continuing a known file (rotated, reopened, or restored from a checkpoint). */
    static FileReader resumed(ReaderSettings settings, String path, FileChannel channel, FileState state,
            boolean startAtEnd) throws IOException {
        if (settings.decompress()) {
            boolean gzipNow = Gzip.isGzip(channel);
            if (gzipNow != state.gzip) {
                // plain text that was compressed: skip what was read of it, counted in decompressed bytes
                if (!state.gzip && gzipNow) {
                    state.decompressedBytesToSkip = state.offset;
                }
                state.offset = 0;
                state.gzip = gzipNow;
            }
        }
        int size = settings.config.fingerprintSize();
        if (state.fingerprint.length() > size) {
            // fingerprint_size was lowered since the checkpoint
            Fingerprint shorter = Fingerprint.of(channel, size, settings.decompress());
            if (!state.fingerprint.startsWith(shorter)) {
                throw new IOException("file truncated");
            }
            state.fingerprint = shorter;
        }
        if (startAtEnd) {
            state.offset = channel.size();
        }
        Map<String, Object> attributes = new LinkedHashMap<>(state.attributes);
        attributes.putAll(settings.attributes.resolve(path));
        state.attributes = Map.copyOf(attributes);
        return new FileReader(settings, path, channel, state);
    }

    public String path() {
        return path;
    }

    public FileState state() {
        return state;
    }

    public Fingerprint fingerprint() {
        return state.fingerprint;
    }

    /** Reads what is new; stops early (without moving the offset past unemitted entries) when stopped. */
    public void readToEnd(BooleanSupplier stopped) {
        if (channel == null) {
            return;
        }
        try {
            if (state.gzip || FileConsumerConfig.COMPRESSION_GZIP.equals(settings.config.compression())) {
                readGzip(stopped);
            } else {
                readContents(Channels.newInputStream(new PositionedChannel(channel, state.offset)),
                        contentSplit, stopped);
                if (channel != null && state.fingerprint.length() < settings.config.fingerprintSize()) {
                    updateFingerprint(); // the file grew past its first bytes: identify it by more of them
                }
            }
        } catch (IOException e) {
            settings.logger.error("failed during scan", e, "path", path);
        }
    }

    private void readGzip(BooleanSupplier stopped) throws IOException {
        long end = channel.size();
        long start = state.decompressedBytesToSkip > 0 ? 0 : state.offset;
        long offsetBefore = state.offset;
        long recordsBefore = state.recordNumber;
        long skipBefore = state.decompressedBytesToSkip;
        InputStream in;
        try {
            in = new GZIPInputStream(Channels.newInputStream(new PositionedChannel(channel, start, end)));
        } catch (EOFException e) {
            return; // nothing new
        } catch (IOException e) {
            settings.logger.error("failed to create gzip reader", e, "path", path);
            return;
        }
        readingGzip = true;
        try (in) {
            if (state.decompressedBytesToSkip > 0) {
                in.skipNBytes(state.decompressedBytesToSkip);
                state.decompressedBytesToSkip = 0;
            }
            boolean completed = readContents(in, SplitWrappers.flushAtEndOfStream(contentSplit), stopped);
            if (!completed) {
                // a gzip stream cannot resume mid-member: read the whole chunk again next time
                state.offset = offsetBefore;
                state.recordNumber = recordsBefore;
                state.decompressedBytesToSkip = skipBefore;
                return;
            }
        } catch (IOException e) {
            settings.logger.error("failed during scan", e, "path", path);
        } finally {
            readingGzip = false;
        }
        state.offset = end;
    }

    /** @return false when reading was stopped before the end */
    private boolean readContents(InputStream in, SplitFunc split, BooleanSupplier stopped) throws IOException {
        Scanner scanner = new Scanner(in, settings.config.initialBufferSize(), settings.config.maxLogSize(),
                state.offset, split);
        List<Object> bodies = new ArrayList<>(MAX_BATCH);
        long[] offsets = new long[MAX_BATCH + 1];
        offsets[0] = state.offset;
        int tokens = 0;
        while (true) {
            if (stopped.getAsBoolean()) {
                return false;
            }
            boolean ok;
            try {
                ok = scanner.scan();
            } catch (IOException e) {
                settings.logger.error("failed during scan", e, "path", path);
                ok = false;
            }
            if (!ok) {
                if (scanner.error() != null) {
                    settings.logger.error("failed during scan", null, "path", path, "error", scanner.error());
                }
                if (tokens > 0 && !emit(bodies, offsets, tokens, stopped)) {
                    return false;
                }
                advance(tokens, scanner.position());
                if (scanner.error() == null && settings.config.deleteAfterRead()) {
                    delete();
                }
                return true;
            }
            bodies.add(decode(scanner.buffer(), scanner.tokenOffset(), scanner.tokenLength(), scanner.tokenIsAscii()));
            offsets[++tokens] = scanner.position();
            if (tokens == MAX_BATCH) {
                if (!emit(bodies, offsets, tokens, stopped)) {
                    return false;
                }
                advance(tokens, scanner.position());
                offsets[0] = state.offset;
                bodies.clear();
                tokens = 0;
            }
        }
    }

    private Object decode(byte[] buf, int off, int len, boolean ascii) {
        if (settings.encoding.isNop()) {
            return Arrays.copyOfRange(buf, off, off + len);
        }
        if (ascii && settings.encoding.charset() == StandardCharsets.UTF_8) {
            // the same characters, without UTF-8's check of every byte
            return new String(buf, off, len, StandardCharsets.ISO_8859_1);
        }
        return new String(buf, off, len, settings.encoding.charset());
    }

    /** Emits the non-empty entries; false when the consumer was stopped meanwhile (the batch is not checkpointed). */
    private boolean emit(List<Object> bodies, long[] offsets, int count, BooleanSupplier stopped) {
        boolean withNumber = settings.config.includeFileRecordNumber();
        boolean withOffset = settings.config.includeFileRecordOffset();
        List<Token> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Object body = bodies.get(i);
            if (body instanceof String s ? s.isEmpty() : ((byte[]) body).length == 0) {
                continue; // upstream makes no entry of an empty line
            }
            Map<String, Object> attributes = state.attributes;
            if (withNumber || withOffset) {
                attributes = new LinkedHashMap<>(attributes);
                if (withNumber) {
                    attributes.put(Token.LOG_FILE_RECORD_NUMBER, state.recordNumber + i + 1);
                }
                if (withOffset) {
                    attributes.put(Token.LOG_FILE_RECORD_OFFSET, offsets[i]);
                }
            }
            out.add(new Token(body, attributes));
        }
        if (!out.isEmpty()) {
            try {
                settings.emitter.emit(out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                settings.logger.error("failed to emit token", e, "path", path);
            }
        }
        return !stopped.getAsBoolean();
    }

    /**
     * Moves the state past an emitted batch and lets the poller checkpoint. In a gzip stream positions count
     * decompressed bytes, so the offset stays at the start of the chunk until the whole chunk is read.
     */
    private void advance(int tokens, long position) {
        state.recordNumber += tokens;
        if (!readingGzip) {
            state.offset = position;
        }
        settings.afterBatch.run();
    }

    private void delete() {
        closeChannel();
        try {
            Files.delete(Path.of(path));
        } catch (IOException e) {
            settings.logger.error("could not delete", e, "filename", path);
        }
    }

    private void updateFingerprint() throws IOException {
        Fingerprint refreshed = Fingerprint.of(channel, settings.config.fingerprintSize(), settings.decompress());
        if (state.fingerprint.length() > 0 && !refreshed.startsWith(state.fingerprint)) {
            return; // changed under us: likely truncated
        }
        state.fingerprint = refreshed;
    }

    /** True while the open handle still shows this reader's file (not truncated or rewritten). */
    public boolean validate() {
        if (channel == null) {
            return false;
        }
        try {
            return Fingerprint.of(channel, settings.config.fingerprintSize(), settings.decompress())
                    .startsWith(state.fingerprint);
        } catch (IOException e) {
            return false;
        }
    }

    /** Closes the file and hands back its state. */
    public FileState close() {
        closeChannel();
        FileState out = state;
        state = null;
        return out;
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                settings.logger.debug("Problem closing reader", "path", path, "error", e.toString());
            }
            channel = null;
        }
    }

    public long size() throws IOException {
        return channel == null ? -1 : channel.size();
    }
}
