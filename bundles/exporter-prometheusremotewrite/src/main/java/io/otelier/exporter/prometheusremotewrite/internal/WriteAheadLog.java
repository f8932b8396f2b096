package io.otelier.exporter.prometheusremotewrite.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * An append-only log of write requests on disk, indexed from 1 like upstream's (tidwall/wal): entries are
 * appended and synced before the exporter reports success, read by index, and cut off at the front once sent.
 * Segment files are named by their first index; each entry is {@code length, crc32c, bytes}. A torn entry at the
 * end of the last segment (a crash while writing) is cut off when the log opens. The first unsent index is kept
 * in {@code front}, replaced atomically. Not thread-safe by itself: callers synchronise.
 */
final class WriteAheadLog implements Closeable {

    static final long SEGMENT_BYTES = 16L * 1024 * 1024;
    private static final String FRONT = "front";

    private record Segment(Path path, long firstIndex, List<Long> offsets) {
        long nextIndex() {
            return firstIndex + offsets.size();
        }
    }

    private final Path dir;
    private final TreeMap<Long, Segment> segments = new TreeMap<>();
    private long firstIndex;
    private long nextIndex;
    private FileChannel tail;

    private WriteAheadLog(Path dir) {
        this.dir = dir;
    }

    static WriteAheadLog open(Path dir) throws IOException {
        Files.createDirectories(dir);
        WriteAheadLog log = new WriteAheadLog(dir);
        log.load();
        return log;
    }

    /** The index of the oldest entry not yet cut off (== {@link #nextIndex()} when empty). */
    long firstIndex() {
        return firstIndex;
    }

    /** The index the next append gets. */
    long nextIndex() {
        return nextIndex;
    }

    boolean isEmpty() {
        return firstIndex == nextIndex;
    }

    /** Appends entries and syncs them to disk; returns the index of the first. */
    long append(List<byte[]> entries) throws IOException {
        long first = nextIndex;
        for (byte[] entry : entries) {
            Segment segment = segments.isEmpty() ? null : segments.lastEntry().getValue();
            if (segment == null || tail.size() >= SEGMENT_BYTES) {
                segment = newSegment();
            }
            long offset = tail.size();
            ByteBuffer record = ByteBuffer.allocate(8 + entry.length);
            CRC32C crc = new CRC32C();
            crc.update(entry);
            record.putInt(entry.length).putInt((int) crc.getValue()).put(entry).flip();
            while (record.hasRemaining()) {
                tail.write(record, tail.size());
            }
            segment.offsets().add(offset);
            nextIndex++;
        }
        tail.force(false);
        return first;
    }

    /** Up to {@code max} entries from {@code index} on. */
    List<byte[]> read(long index, int max) throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (long i = Math.max(index, firstIndex); i < nextIndex && out.size() < max; i++) {
            Segment segment = segments.floorEntry(i).getValue();
            long offset = segment.offsets().get((int) (i - segment.firstIndex()));
            try (FileChannel ch = FileChannel.open(segment.path(), StandardOpenOption.READ)) {
                out.add(readEntry(ch, offset));
            }
        }
        return out;
    }

    /** Forgets every entry before {@code index}: whole segments are deleted, the rest is skipped on reopen. */
    void truncateFront(long index) throws IOException {
        index = Math.min(Math.max(index, firstIndex), nextIndex);
        if (index == firstIndex) {
            return;
        }
        Path tmp = dir.resolve(FRONT + ".tmp");
        Files.writeString(tmp, Long.toString(index), StandardCharsets.US_ASCII);
        Files.move(tmp, dir.resolve(FRONT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        firstIndex = index;
        while (segments.size() > 1 && segments.firstEntry().getValue().nextIndex() <= index) {
            Files.deleteIfExists(segments.pollFirstEntry().getValue().path());
        }
        if (isEmpty() && !segments.isEmpty()) {
            // everything was sent: start a fresh segment so the old one can go
            Segment last = segments.pollFirstEntry().getValue();
            tail.close();
            Files.deleteIfExists(last.path());
            tail = null;
        }
    }

    @Override
    public void close() throws IOException {
        if (tail != null) {
            tail.close();
            tail = null;
        }
    }

    private Segment newSegment() throws IOException {
        if (tail != null) {
            tail.close();
        }
        Path path = dir.resolve(String.format("%020d", nextIndex));
        tail = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        Segment segment = new Segment(path, nextIndex, new ArrayList<>());
        segments.put(nextIndex, segment);
        return segment;
    }

    private void load() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().matches("\\d{20}")).sorted().toList();
        }
        long expected = -1;
        for (Path file : files) {
            long first = Long.parseLong(file.getFileName().toString());
            if (expected >= 0 && first != expected) {
                throw new IOException("write-ahead log " + dir + " has a gap before segment " + file.getFileName());
            }
            Segment segment = new Segment(file, first, new ArrayList<>());
            scan(segment);
            segments.put(first, segment);
            expected = segment.nextIndex();
        }
        nextIndex = segments.isEmpty() ? 1 : segments.lastEntry().getValue().nextIndex();
        firstIndex = segments.isEmpty() ? nextIndex : segments.firstKey();
        Path front = dir.resolve(FRONT);
        if (Files.exists(front)) {
            long saved = Long.parseLong(Files.readString(front, StandardCharsets.US_ASCII).trim());
            if (segments.isEmpty()) {
                nextIndex = Math.max(nextIndex, saved);
            }
            firstIndex = Math.min(Math.max(firstIndex, saved), nextIndex);
        }
        if (!segments.isEmpty()) {
            Segment last = segments.lastEntry().getValue();
            tail = FileChannel.open(last.path(), StandardOpenOption.WRITE, StandardOpenOption.READ);
        }
    }

    /** Indexes a segment's entries; cuts the file after the last whole, intact one. */
    private static void scan(Segment segment) throws IOException {
        try (FileChannel ch = FileChannel.open(segment.path(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long offset = 0;
            long size = ch.size();
            while (offset + 8 <= size) {
                try {
                    byte[] entry = readEntry(ch, offset);
                    segment.offsets().add(offset);
                    offset += 8 + entry.length;
                } catch (IOException torn) {
                    break;
                }
            }
            if (offset < size) {
                ch.truncate(offset);
            }
        }
    }

    private static byte[] readEntry(FileChannel ch, long offset) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(8);
        readFully(ch, header, offset);
        header.flip();
        int length = header.getInt();
        int crc = header.getInt();
        if (length < 0 || offset + 8 + length > ch.size()) {
            throw new IOException("torn write-ahead log entry at offset " + offset);
        }
        ByteBuffer body = ByteBuffer.allocate(length);
        readFully(ch, body, offset + 8);
        CRC32C check = new CRC32C();
        check.update(body.array());
        if ((int) check.getValue() != crc) {
            throw new IOException("corrupt write-ahead log entry at offset " + offset);
        }
        return body.array();
    }

    private static void readFully(FileChannel ch, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            if (ch.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of write-ahead log segment");
            }
        }
    }
}
