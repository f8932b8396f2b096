package io.otelier.helper.fileconsumer.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;

/**
 * Reads a file channel from a position up to an end without moving the channel's own position, so one open file
 * can be fingerprinted and read at the same time (Go's io.SectionReader).
 */
final class PositionedChannel implements ReadableByteChannel {

    private final FileChannel channel;
    private final long end;
    private long position;

    PositionedChannel(FileChannel channel, long position) {
        this(channel, position, Long.MAX_VALUE);
    }

    PositionedChannel(FileChannel channel, long position, long end) {
        this.channel = channel;
        this.position = position;
        this.end = end;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        long left = end - position;
        if (left <= 0) {
            return -1;
        }
        if (dst.remaining() > left) {
            ByteBuffer limited = dst.slice().limit((int) left);
            int n = channel.read(limited, position);
            if (n > 0) {
                dst.position(dst.position() + n);
                position += n;
            }
            return n;
        }
        int n = channel.read(dst, position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    /** The channel stays open: it belongs to the reader. */
    @Override
    public void close() {
    }
}
