package io.otelier.runtime.internal.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Notices when the content of the config files changes. It compares digests of what the paths read now,
 * following symbolic links, on every {@link #changed()} call, so it sees an in-place edit, an editor's
 * write-and-rename, and a Kubernetes ConfigMap update (which swaps the {@code ..data} symbolic link the
 * file's link points through, without touching the file's own directory entry) alike. The caller polls;
 * {@code env:} and {@code yaml:} sources have no file and are not watched.
 */
public final class ConfigFileWatcher {

    private final List<Path> files;
    private byte[][] digests;

    public ConfigFileWatcher(List<String> configUris) {
        this.files = filesOf(configUris);
        this.digests = read();
    }

    /** The files behind {@code path} and {@code file:path} sources. */
    static List<Path> filesOf(List<String> configUris) {
        List<Path> out = new ArrayList<>();
        for (String uri : configUris) {
            if (uri.matches("^[A-Za-z]:[\\\\/].*") || !uri.contains(":")) {
                out.add(Paths.get(uri).toAbsolutePath());
            } else if (uri.startsWith("file:")) {
                out.add(Paths.get(uri.substring("file:".length())).toAbsolutePath());
            }
        }
        return List.copyOf(out);
    }

    public boolean watchesAnything() {
        return !files.isEmpty();
    }

    /** Whether any file's content differs from the previous call (a file that vanished counts as changed). */
    public boolean changed() {
        byte[][] now = read();
        boolean changed = !Arrays.deepEquals(now, digests);
        digests = now;
        return changed;
    }

    private byte[][] read() {
        byte[][] out = new byte[files.size()][];
        for (int i = 0; i < files.size(); i++) {
            try {
                out[i] = sha256(Files.readAllBytes(files.get(i)));
            } catch (IOException e) {
                out[i] = new byte[0];
            }
        }
        return out;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
