package io.otelier.builder.output;

import io.otelier.builder.BuildException;
import io.otelier.builder.manifest.Manifest;
import io.otelier.builder.resolve.Candidate;
import io.otelier.builder.resolve.Resolution;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Lays out a distribution folder: {@code bin/<name>}, {@code lib/} (launcher and framework), {@code bundles/},
 * {@code deploy/}, {@code config/config.yaml} and the manifest it was built from. A folder that is already
 * there is replaced only when it is empty or looks like a distribution (it has {@code bin/} and
 * {@code bundles/}), so a mistyped output path never wipes unrelated files.
 */
public final class DistributionWriter {

    public static final String MANIFEST_COPY = "manifest.yaml";
    public static final String CONFIG = "config/config.yaml";

    private DistributionWriter() {
    }

    public static void write(Manifest manifest, Path launcherJar, Resolution resolution, Path out)
            throws BuildException {
        try {
            prepare(out);
            Path bin = Files.createDirectories(out.resolve("bin"));
            Path script = bin.resolve(manifest.dist().name());
            Files.writeString(script, LauncherScript.render(manifest.dist()), StandardCharsets.UTF_8);
            makeExecutable(script);

            Path lib = Files.createDirectories(out.resolve("lib"));
            Files.copy(launcherJar, lib.resolve(launcherJar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            copy(resolution.framework(), lib, new HashSet<>());

            Path bundles = Files.createDirectories(out.resolve("bundles"));
            Set<String> names = new HashSet<>();
            for (Candidate c : resolution.bundles()) {
                copy(c, bundles, names);
            }

            Path deploy = Files.createDirectories(out.resolve("deploy"));
            try (InputStream in = DistributionWriter.class.getResourceAsStream("deploy-README.txt")) {
                Files.copy(in, deploy.resolve("README.txt"));
            }
            Files.createDirectories(out.resolve("config"));
            if (manifest.config().isPresent()) {
                Files.copy(manifest.config().get(), out.resolve(CONFIG));
            }
            Files.writeString(out.resolve(MANIFEST_COPY), manifest.text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BuildException("cannot write the distribution to " + out + ": " + e, e);
        }
    }

    /** Bundles keep their file names; two equal names (same artifact id in two groups) fall back to bsn-version. */
    private static void copy(Candidate c, Path folder, Set<String> names) throws IOException {
        String name = c.file().getFileName().toString();
        if (!names.add(name)) {
            name = c.symbolicName() + "-" + c.version() + ".jar";
            names.add(name);
        }
        Files.copy(c.file(), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void prepare(Path out) throws IOException, BuildException {
        if (Files.exists(out)) {
            if (!Files.isDirectory(out)) {
                throw new BuildException("output path " + out + " is a file");
            }
            boolean empty;
            try (Stream<Path> s = Files.list(out)) {
                empty = s.findAny().isEmpty();
            }
            boolean distribution = Files.isDirectory(out.resolve("bin")) && Files.isDirectory(out.resolve("bundles"));
            if (!empty && !distribution) {
                throw new BuildException("output path " + out + " exists and is not a distribution; remove it or "
                        + "choose another output path");
            }
            deleteTree(out);
        }
        Files.createDirectories(out);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : paths) {
            Files.delete(p);
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            if (!file.toFile().setExecutable(true, false)) {
                throw new IOException("cannot make " + file + " executable");
            }
        }
    }

    /** Total size of the files under {@code folder}, in bytes. */
    public static long size(Path folder) throws IOException {
        return size(folder, rel -> false);
    }

    /** Total size of the files under {@code folder} but those {@code leaveOut} accepts (relative paths). */
    public static long size(Path folder, Predicate<String> leaveOut) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !leaveOut.test(folder.relativize(p).toString().replace('\\', '/')))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
