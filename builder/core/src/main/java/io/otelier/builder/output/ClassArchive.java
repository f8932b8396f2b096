package io.otelier.builder.output;

import io.otelier.builder.BuildException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * {@code lib/cds/}: a dynamic AppCDS archive of the classes a start of the distribution loads (the framework's
 * and, on the JVM's side, the bundles' too), parsed and verified once at build time instead of at every start.
 * The builder makes it with one run of the distribution on the JVM it builds with: a start of the manifest's
 * {@code training_config} until ready (its author vouches that starting it at build time is harmless), or
 * {@code validate} of the shipped config, which starts no component; {@code classes.id} names that
 * JVM ({@code JAVA_RUNTIME_VERSION} of its {@code release} file) and the archive's size, which the launcher checks
 * before it passes the archive on: another JVM cannot use it, and a truncated archive would crash the JVM.
 * The JVM checks the rest itself (class path, jar sizes and times, each class's bytes) and starts without the
 * archive when anything differs. The archive is tied to the folder's absolute path, so it stays out of the
 * tarball and the image.
 */
public final class ClassArchive {

    /** The archive's folder, relative to the distribution. */
    public static final String FOLDER = "lib/cds";
    static final String ARCHIVE = "classes.jsa";
    static final String ID = "classes.id";

    private ClassArchive() {
    }

    /** Whether a distribution-relative path ({@code /} separated) is part of the archive. */
    public static boolean contains(String relativePath) {
        return relativePath.equals(FOLDER) || relativePath.startsWith(FOLDER + "/");
    }

    /**
     * Archives the classes of one run of the distribution on {@code javaHome}: a start with
     * {@code trainingConfig} until ready when there is one (falling back to the next when it fails), else
     * {@code validate} of {@code config}, else {@code components}. Returns what went wrong, if anything; the
     * archive is there when {@link #exists} says so.
     */
    public static Optional<String> write(Path distribution, DistributionRun run, Path javaHome, Path config,
            Path trainingConfig) throws BuildException {
        Path folder = distribution.resolve(FOLDER);
        try {
            DistributionWriter.deleteTree(folder);
            Optional<String> jvm = runtimeVersion(javaHome);
            if (jvm.isEmpty()) {
                return Optional.of(javaHome + " has no release file naming its JAVA_RUNTIME_VERSION");
            }
            Files.createDirectories(folder);
            Path partial = folder.resolve(ARCHIVE + ".partial");
            Optional<String> problem = Optional.empty();
            if (trainingConfig != null) {
                problem = attempt(() -> run.archiveStart(partial, trainingConfig), partial);
            }
            if (trainingConfig == null || problem.isPresent()) {
                Optional<String> validated = attempt(() -> run.archiveClasses(partial, config), partial);
                if (validated.isPresent()) {
                    DistributionWriter.deleteTree(folder);
                    return Optional.of(problem.map(p -> p + "; then ").orElse("") + validated.get());
                }
            }
            Files.writeString(folder.resolve(ID), "jvm=" + jvm.get() + "\nsize=" + Files.size(partial) + "\n",
                    StandardCharsets.UTF_8);
            Files.move(partial, folder.resolve(ARCHIVE), StandardCopyOption.ATOMIC_MOVE);
            return problem.map(p -> "the training start failed, so the archive holds the classes of a run that starts "
                    + "no component: " + p);
        } catch (IOException e) {
            throw new BuildException("cannot write " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Whether the distribution has an archive. */
    public static boolean exists(Path distribution) {
        return Files.isRegularFile(distribution.resolve(FOLDER).resolve(ARCHIVE));
    }

    private interface ArchiveRun {
        Optional<String> run() throws BuildException;
    }

    /** One archiving run: its problem, or empty when it exited well and left a non-empty archive. */
    private static Optional<String> attempt(ArchiveRun archiveRun, Path partial) throws IOException {
        Files.deleteIfExists(partial);
        Optional<String> problem;
        try {
            problem = archiveRun.run();
        } catch (BuildException e) {
            problem = Optional.of(e.getMessage());
        }
        if (problem.isEmpty() && (!Files.isRegularFile(partial) || Files.size(partial) == 0)) {
            problem = Optional.of("the JVM wrote no archive");
        }
        if (problem.isPresent()) {
            Files.deleteIfExists(partial);
        }
        return problem;
    }

    /** {@code JAVA_RUNTIME_VERSION} from the JVM's release file, which the launcher compares with its JVM's. */
    static Optional<String> runtimeVersion(Path javaHome) throws IOException {
        return JdkRelease.value(javaHome, "JAVA_RUNTIME_VERSION");
    }
}
