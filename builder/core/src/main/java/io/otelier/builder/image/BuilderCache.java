package io.otelier.builder.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The builder's cache of things that are slow to make and the same from build to build: jlink bases (a runtime
 * and its image tarball, about 110 MB each, the {@value #KEEP} most recently used kept) and jdeps' answers.
 * Entries are written under a temporary name and renamed into place, so concurrent builds never see half an
 * entry. The folder is {@code -Dotelier.builder.cache}, {@code $OTELIER_BUILDER_CACHE},
 * {@code $XDG_CACHE_HOME/otelier-builder} or {@code ~/.cache/otelier-builder}; deleting it is always safe.
 */
final class BuilderCache {

    static final int KEEP = 3;
    private static final Duration ABANDONED = Duration.ofHours(1);

    private final Path root;

    BuilderCache(Path root) {
        this.root = root;
    }

    static BuilderCache standard() {
        String property = System.getProperty("otelier.builder.cache");
        if (property != null && !property.isBlank()) {
            return new BuilderCache(Path.of(property));
        }
        String env = System.getenv("OTELIER_BUILDER_CACHE");
        if (env != null && !env.isBlank()) {
            return new BuilderCache(Path.of(env));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new BuilderCache(base.resolve("otelier-builder"));
    }

    Path root() {
        return root;
    }

    /** The complete entry {@code kind/key}, marked as just used, or null. */
    Path find(String kind, String key) throws IOException {
        Path entry = root.resolve(kind).resolve(key);
        if (!Files.isDirectory(entry)) {
            return null;
        }
        Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
        return entry;
    }

    /** A fresh folder to fill and then {@link #publish}. */
    Path prepare(String kind, String key) throws IOException {
        return Files.createTempDirectory(Files.createDirectories(root.resolve(kind)), key + ".tmp-");
    }

    /**
     * Renames a filled folder into place as {@code kind/key}; if another build got there first its entry is kept
     * and this one dropped. Old entries of the kind beyond the {@value #KEEP} newest are removed.
     */
    Path publish(Path prepared, String kind, String key) throws IOException {
        Path entry = root.resolve(kind).resolve(key);
        try {
            Files.move(prepared, entry, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            deleteTree(prepared);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + prepared + " into place in the builder cache " + root, e);
        }
        prune(root.resolve(kind));
        return entry;
    }

    /** A small text value ({@code kind/key}), or null. */
    String read(String kind, String key) throws IOException {
        Path file = root.resolve(kind).resolve(key + ".txt");
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    }

    void write(String kind, String key, String value) throws IOException {
        Path folder = Files.createDirectories(root.resolve(kind));
        Path tmp = Files.createTempFile(folder, key, ".tmp");
        Files.writeString(tmp, value, StandardCharsets.UTF_8);
        Files.move(tmp, folder.resolve(key + ".txt"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static void prune(Path kindFolder) throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(kindFolder)) {
            entries = list.filter(Files::isDirectory).toList();
        }
        Instant abandoned = Instant.now().minus(ABANDONED);
        List<Path> complete = entries.stream().filter(p -> !p.getFileName().toString().contains(".tmp-")).sorted(
                Comparator.comparing(BuilderCache::modified).reversed()).toList();
        for (Path old : complete.subList(Math.min(KEEP, complete.size()), complete.size())) {
            deleteTree(old);
        }
        for (Path p : entries) {
            if (p.getFileName().toString().contains(".tmp-") && modified(p).isBefore(abandoned)) {
                deleteTree(p);
            }
        }
    }

    private static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }

    /** A short hex SHA-256 of {@code parts}, one per line. */
    static String key(List<String> parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                sha.update(p.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
