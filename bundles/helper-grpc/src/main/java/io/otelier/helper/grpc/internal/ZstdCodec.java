package io.otelier.helper.grpc.internal;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import io.grpc.Codec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The {@code zstd} grpc-encoding, as upstream's configgrpc registers it: a 512 KiB encoder window (OTLP
 * payloads are small; a bigger window only costs memory) and a decoder whose window is bounded, because a frame
 * declares its window before producing any output and a tiny crafted frame could otherwise force a huge
 * allocation.
 */
public final class ZstdCodec implements Codec {

    public static final String NAME = "zstd";

    /** zstd's default level, what upstream's encoder uses. */
    private static final int LEVEL = 3;
    /** 512 KiB. */
    private static final int ENCODER_WINDOW_LOG = 19;
    /** Upstream's floor for the decoder bound: 8 MiB, what common encoders declare for ~1 MiB payloads. */
    private static final int MIN_DECODER_WINDOW_LOG = 23;
    /** zstd's own ceiling on 64-bit builds. */
    private static final int MAX_DECODER_WINDOW_LOG = 31;

    private final int decoderWindowLog;

    /** @param maxMessageBytes the largest message the receiving side accepts; 0 for the 8 MiB floor */
    public ZstdCodec(int maxMessageBytes) {
        this.decoderWindowLog = windowLogFor(maxMessageBytes);
    }

    /** The smallest window log that covers {@code maxMessageBytes}, between 8 MiB and zstd's maximum. */
    static int windowLogFor(int maxMessageBytes) {
        int log = maxMessageBytes <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(maxMessageBytes - 1);
        return Math.max(MIN_DECODER_WINDOW_LOG, Math.min(MAX_DECODER_WINDOW_LOG, log));
    }

    int decoderWindowLog() {
        return decoderWindowLog;
    }

    @Override
    public String getMessageEncoding() {
        return NAME;
    }

    @Override
    public OutputStream compress(OutputStream os) throws IOException {
        return new ZstdOutputStreamNoFinalizer(os).setLevel(LEVEL).setWindowLog(ENCODER_WINDOW_LOG);
    }

    @Override
    public InputStream decompress(InputStream is) throws IOException {
        return new ZstdInputStreamNoFinalizer(is).setLongMax(decoderWindowLog);
    }
}
