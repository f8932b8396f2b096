package io.otelier.builder.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Packs a folder as a gzip-compressed POSIX ustar archive under one top-level directory, keeping the executable
 * bit (the JDK has no tar writer, and the format is 512-byte headers plus padded contents).
 */
public final class TarGz {

    private static final int BLOCK = 512;
    private static final int NAME_LENGTH = 100;
    private static final int PREFIX_LENGTH = 155;

    private TarGz() {
    }

    public static void pack(Path folder, String rootName, Path tarball) throws IOException {
        pack(folder, rootName, tarball, rel -> false);
    }

    /** Packs all but the paths (relative to {@code folder}, {@code /} separated) that {@code leaveOut} accepts. */
    public static void pack(Path folder, String rootName, Path tarball, Predicate<String> leaveOut)
            throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(folder)) {
            paths = walk.filter(p -> !leaveOut.test(relative(folder, p))).sorted().toList();
        }
        Path tmp = tarball.resolveSibling(tarball.getFileName() + ".tmp");
        try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)), 1 << 16)) {
            for (Path p : paths) {
                String rel = relative(folder, p);
                String name = rel.isEmpty() ? rootName + "/" : rootName + "/" + rel;
                long mtime = Files.getLastModifiedTime(p).toMillis() / 1000;
                if (Files.isDirectory(p)) {
                    out.write(header(name.endsWith("/") ? name : name + "/", 0755, 0, mtime, '5'));
                } else {
                    long size = Files.size(p);
                    out.write(header(name, Files.isExecutable(p) ? 0755 : 0644, size, mtime, '0'));
                    Files.copy(p, out);
                    int pad = (int) ((BLOCK - size % BLOCK) % BLOCK);
                    out.write(new byte[pad]);
                }
            }
            out.write(new byte[2 * BLOCK]);
        }
        Files.move(tmp, tarball, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String relative(Path folder, Path p) {
        return folder.relativize(p).toString().replace('\\', '/');
    }

    private static byte[] header(String name, int mode, long size, long mtime, char type) throws IOException {
        byte[] h = new byte[BLOCK];
        String prefix = "";
        String shortName = name;
        if (name.getBytes(StandardCharsets.UTF_8).length > NAME_LENGTH) {
            int cut = name.lastIndexOf('/', name.length() - 2);
            while (cut > 0 && name.length() - cut - 1 > NAME_LENGTH) {
                cut = name.indexOf('/', cut + 1);
            }
            if (cut <= 0 || cut > PREFIX_LENGTH) {
                throw new IOException("path too long for a tar archive: " + name);
            }
            prefix = name.substring(0, cut);
            shortName = name.substring(cut + 1);
        }
        put(h, 0, NAME_LENGTH, shortName);
        octal(h, 100, 8, mode);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, mtime);
        h[156] = (byte) type;
        put(h, 257, 6, "ustar");
        put(h, 263, 2, "00");
        put(h, 265, 32, "root");
        put(h, 297, 32, "root");
        put(h, 345, PREFIX_LENGTH, prefix);
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        octal(h, 148, 7, sum);
        return h;
    }

    private static void put(byte[] h, int at, int length, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, at, Math.min(b.length, length));
    }

    /** Zero-padded octal, NUL-terminated, filling {@code length} bytes. */
    private static void octal(byte[] h, int at, int length, long value) {
        String s = Long.toOctalString(value);
        StringBuilder padded = new StringBuilder();
        for (int i = s.length(); i < length - 1; i++) {
            padded.append('0');
        }
        put(h, at, length - 1, padded.append(s).toString());
        h[at + length - 1] = 0;
    }
}
