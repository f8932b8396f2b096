package io.otelier.extension.filestorage.internal;

import io.otelier.api.telemetry.Logger;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A store file as found at open: locked, replayed, its torn tail cut off. */
record ReplayedFile(FileChannel channel, FileLock lock, KeyIndex index, long end) {

    static ReplayedFile open(Path path, LogStore.Options options, Logger log) throws IOException {
        boolean created = !Files.exists(path);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = StoreFiles.lock(channel, path, options.timeout());
            if (readHeader(channel, path)) {
                if (options.fsync()) {
                    channel.force(true);
                }
                if (created) {
                    StoreFiles.syncDirectory(path.toAbsolutePath().getParent());
                }
            }
            KeyIndex index = new KeyIndex();
            long size = channel.size();
            RecordScanner.Result scan = RecordScanner.scan(channel, LogFormat.HEADER_SIZE, size, indexer(index));
            if (scan.tail() == RecordScanner.Tail.CORRUPT) {
                throw new CorruptStoreException(path, scan.validEnd(), scan.problem());
            }
            if (scan.tail() == RecordScanner.Tail.TORN) {
                log.warn("discarding a torn record at the end of a storage file", "file", path.toString(),
                        "offset", scan.validEnd(), "bytes", size - scan.validEnd(), "problem", scan.problem());
                channel.truncate(scan.validEnd());
                channel.force(true);
            }
            return new ReplayedFile(channel, lock, index, scan.validEnd());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Checks the header, writing it into a file that has none yet (new, or cut short while being created).
     *
     * @return whether the header was written
     */
    private static boolean readHeader(FileChannel channel, Path path) throws IOException {
        long size = channel.size();
        byte[] head = new byte[(int) Math.min(size, LogFormat.HEADER_SIZE)];
        StoreFiles.readFully(channel, ByteBuffer.wrap(head), 0);
        if (size >= LogFormat.HEADER_SIZE && LogFormat.isHeader(head)) {
            return false;
        }
        if (size >= LogFormat.HEADER_SIZE || !LogFormat.isHeaderPrefix(head, head.length)) {
            throw new CorruptStoreException(path, 0, "an unknown header (not a store of this distribution)");
        }
        channel.truncate(0);
        StoreFiles.writeFully(channel, ByteBuffer.wrap(LogFormat.header()), 0);
        return true;
    }

    /** A visitor that applies replayed ops to {@code index}. */
    static RecordScanner.Visitor indexer(KeyIndex index) {
        return new RecordScanner.Visitor() {
            @Override
            public void set(String key, int keyBytes, long valueOffset, int valueLength) {
                index.set(key, keyBytes, valueOffset, valueLength);
            }

            @Override
            public void delete(String key, int keyBytes) {
                index.delete(key, keyBytes);
            }
        };
    }
}
