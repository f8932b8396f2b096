package io.otelier.helper.grpc.internal;

import io.grpc.Codec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;

/**
 * The {@code gzip} grpc-encoding at grpc-go's level (6, {@code gzip.DefaultCompression}), writing the same
 * format as grpc's own codec. It compresses between direct buffers: the JDK's {@code GZIPOutputStream} deflates
 * out of heap arrays inside a JNI critical section, during which the garbage collector cannot run, so every
 * allocation that needs a collection meanwhile waits and the collections that follow come early (under load,
 * hundreds a minute, and more objects promoted to the old generation). Deflaters and buffers are pooled: a few
 * hundred KiB of native memory each, as many as messages compressed at the same time.
 */
public final class GzipCodec implements Codec {

    public static final String NAME = "gzip";

    private static final int LEVEL = 6;
    private static final int BUFFER_BYTES = 64 * 1024;
    /** Magic, CM = deflate, no flags, no mtime, XFL 0, OS unknown: what {@code GZIPOutputStream} writes. */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    /** What the deflater reads from between two fills of the input buffer (it keeps a reference to its input). */
    private static final ByteBuffer NO_INPUT = ByteBuffer.allocateDirect(0);

    private final ConcurrentLinkedQueue<Workspace> idle = new ConcurrentLinkedQueue<>();

    @Override
    public String getMessageEncoding() {
        return NAME;
    }

    @Override
    public OutputStream compress(OutputStream os) throws IOException {
        Workspace workspace = idle.poll();
        if (workspace == null) {
            workspace = new Workspace();
        }
        os.write(HEADER);
        return new GzipStream(os, workspace);
    }

    @Override
    public InputStream decompress(InputStream is) throws IOException {
        return new GZIPInputStream(is);
    }

    /** A deflater and the buffers it works between, reused from message to message. */
    private static final class Workspace {
        final Deflater deflater = new Deflater(LEVEL, true);
        final ByteBuffer input = ByteBuffer.allocateDirect(BUFFER_BYTES);
        final ByteBuffer output = ByteBuffer.allocateDirect(BUFFER_BYTES);
        final byte[] transfer = new byte[BUFFER_BYTES];
        final CRC32 crc = new CRC32();
    }

    private final class GzipStream extends OutputStream {
        private final OutputStream out;
        private Workspace w;
        private long size;

        GzipStream(OutputStream out, Workspace workspace) {
            this.out = out;
            this.w = workspace;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ensureOpen();
            size += len;
            while (len > 0) {
                int n = Math.min(len, w.input.remaining());
                w.input.put(b, off, n);
                off += n;
                len -= n;
                if (!w.input.hasRemaining()) {
                    deflateInput();
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (w == null) {
                return;
            }
            try {
                deflateInput();
                w.deflater.finish();
                while (!w.deflater.finished()) {
                    drain(w.deflater.deflate(w.output));
                }
                int crc = (int) w.crc.getValue();
                out.write(new byte[] {(byte) crc, (byte) (crc >>> 8), (byte) (crc >>> 16), (byte) (crc >>> 24),
                        (byte) size, (byte) (size >>> 8), (byte) (size >>> 16), (byte) (size >>> 24)});
                out.close();
            } finally {
                release();
            }
        }

        private void deflateInput() throws IOException {
            w.input.flip();
            w.crc.update(w.input.duplicate());
            w.deflater.setInput(w.input);
            while (!w.deflater.needsInput()) {
                drain(w.deflater.deflate(w.output));
            }
            w.deflater.setInput(NO_INPUT);
            w.input.clear();
        }

        private void drain(int produced) throws IOException {
            if (produced == 0) {
                return;
            }
            w.output.flip();
            w.output.get(w.transfer, 0, produced);
            w.output.clear();
            out.write(w.transfer, 0, produced);
        }

        /** Back to the pool, ready for the next message; a failed stream's deflater is reset all the same. */
        private void release() {
            Workspace done = w;
            w = null;
            done.deflater.reset();
            done.input.clear();
            done.output.clear();
            done.crc.reset();
            idle.offer(done);
        }

        private void ensureOpen() throws IOException {
            if (w == null) {
                throw new IOException("gzip stream closed");
            }
        }
    }
}
