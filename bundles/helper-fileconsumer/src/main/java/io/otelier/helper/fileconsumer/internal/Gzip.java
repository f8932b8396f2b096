package io.otelier.helper.fileconsumer.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Recognises gzip files by their magic number, as upstream's compression.IsGzipFile. */
final class Gzip {

    private Gzip() {
    }

    static boolean isGzip(FileChannel channel) throws IOException {
        ByteBuffer magic = ByteBuffer.allocate(2);
        while (magic.hasRemaining()) {
            if (channel.read(magic, magic.position()) <= 0) {
                return false;
            }
        }
        return (magic.get(0) & 0xff) == 0x1f && (magic.get(1) & 0xff) == 0x8b;
    }
}
