package io.otelier.builder;

import io.otelier.builder.bundle.BundleInfo;
import io.otelier.builder.bundle.BundleInspector;
import io.otelier.builder.bundle.FactoryInfo;
import io.otelier.builder.image.ImageBuilder;
import io.otelier.builder.image.ImageResult;
import io.otelier.builder.manifest.ComponentEntry;
import io.otelier.builder.manifest.ComponentKind;
import io.otelier.builder.manifest.Manifest;
import io.otelier.builder.manifest.ManifestParser;
import io.otelier.builder.output.ClassArchive;
import io.otelier.builder.output.DefaultConfig;
import io.otelier.builder.output.DistributionRun;
import io.otelier.builder.output.DistributionWriter;
import io.otelier.builder.output.Listing;
import io.otelier.builder.output.TarGz;
import io.otelier.builder.resolve.BaseRun;
import io.otelier.builder.resolve.Candidate;
import io.otelier.builder.resolve.OsgiResolver;
import io.otelier.builder.resolve.Repository;
import io.otelier.builder.resolve.Resolution;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds a distribution from a manifest: fetch the components and the base, check the components, resolve the
 * bundle closure with bnd, write the folder, start it once to check that it registers exactly the manifest's
 * components (and that its default config validates), once more to archive the classes a start loads
 * ({@link ClassArchive}), pack it as {@code <name>-<version>.tar.gz} beside the folder (without that
 * archive), and build its container image when the manifest has an {@code image} section.
 */
public final class DistributionBuilder {

    private final BaseRun base;

    public DistributionBuilder(BaseRun base) {
        this.base = base;
    }

    /** A builder on the base shipped with it. */
    public static DistributionBuilder shipped() throws BuildException {
        return new DistributionBuilder(BaseRun.shipped(BuilderVersion.get()));
    }

    public BuildResult build(BuildRequest request) throws BuildException {
        long start = System.nanoTime();
        Progress progress = request.progress();
        Manifest manifest = ManifestParser.parse(request.manifest());
        if (request.outputPath() != null) {
            manifest = manifest.withOutputPath(request.outputPath().toAbsolutePath().normalize());
        }
        String name = manifest.dist().name();
        progress.step("Building " + name + " " + manifest.dist().version() + " from " + request.manifest());

        long t = System.nanoTime();
        List<ChosenComponent> components = fetchComponents(manifest, request.fetcher(), progress);
        Repository repository = new Repository();
        List<Candidate> required = new ArrayList<>();
        for (ChosenComponent c : components) {
            required.add(repository.add(c.files().get(0), c.describe()).orElseThrow());
        }
        int artifacts = components.stream().mapToInt(c -> c.files().size()).sum();
        for (Coordinates c : base.repository()) {
            List<Path> files = fetch(request.fetcher(), c, "the base");
            artifacts += files.size();
            for (Path f : jars(files)) {
                repository.add(f, "the base (" + c + ")");
            }
        }
        for (ChosenComponent c : components) {
            for (Path f : jars(c.files().subList(1, c.files().size()))) {
                repository.add(f, c.describe());
            }
        }
        leaveOutUnlistedComponents(repository, required, progress);
        Path launcher = fetchOne(request.fetcher(), base.launcher(), "the base");
        progress.step("Fetched " + components.size() + " components and the base: " + artifacts + " artifacts, "
                + repository.candidates().size() + " bundles (" + seconds(t) + ")");

        t = System.nanoTime();
        Resolution resolution = OsgiResolver.resolve(base, repository, required);
        progress.step("Resolved with bnd: " + resolution.bundles().size() + " bundles on "
                + resolution.framework().describe() + " (" + seconds(t) + ")");
        for (Candidate c : resolution.bundles()) {
            progress.detail("  " + c.describe() + "  (" + c.file().getFileName() + ", from " + c.origin() + ")");
        }

        t = System.nanoTime();
        Path out = manifest.dist().outputPath();
        DistributionWriter.write(manifest, launcher, resolution, out);
        DistributionRun run = new DistributionRun(out, name, request.javaHome());
        List<Listing> listed = run.components();
        ComponentChecks.checkListing(components, listed, "bin/" + name);
        progress.step("Wrote " + out + " and checked its components: " + summary(listed) + " (" + seconds(t) + ")");
        Optional<Path> config = shipConfig(manifest, listed, run, out, progress);

        t = System.nanoTime();
        Optional<String> archiveProblem = ClassArchive.write(out, run, request.javaHome(), config.orElse(null),
                manifest.trainingConfig().orElse(null));
        if (ClassArchive.exists(out)) {
            archiveProblem.ifPresent(progress::warning);
            progress.step("Archived the classes of a start in " + ClassArchive.FOLDER + "/ for " + request.javaHome()
                    + " (" + seconds(t) + ")");
        } else {
            progress.warning("no class data archive, so every start parses and verifies its classes again: "
                    + archiveProblem.orElse("unknown reason"));
        }

        t = System.nanoTime();
        Path tarball = out.resolveSibling(name + "-" + manifest.dist().version() + ".tar.gz");
        long size;
        try {
            TarGz.pack(out, name, tarball, ClassArchive::contains);
            size = DistributionWriter.size(out, ClassArchive::contains);
        } catch (IOException e) {
            throw new BuildException("cannot pack " + tarball + ": " + e.getMessage(), e);
        }
        progress.step("Packed " + tarball + " (" + seconds(t) + ")");
        Optional<ImageResult> image = Optional.empty();
        if (manifest.image().isPresent() && !request.skipImage()) {
            image = Optional.of(ImageBuilder.build(manifest.dist(), manifest.image().get(), out, listed,
                    request.javaHome(), progress));
        }
        progress.step("Built " + name + " " + manifest.dist().version() + " in " + seconds(start) + ": "
                + String.format(Locale.ROOT, "%.1f MB", size / 1e6) + ", " + resolution.bundles().size()
                + " bundles" + image.map(i -> ", image " + i.reference()).orElse(""));
        return new BuildResult(out, tarball, resolution.bundles().size(), size, listed, image);
    }

    private List<ChosenComponent> fetchComponents(Manifest manifest, ArtifactFetcher fetcher, Progress progress)
            throws BuildException {
        List<ChosenComponent> out = new ArrayList<>();
        for (ComponentEntry e : manifest.components()) {
            List<Path> files = e.bundle() != null ? fetch(fetcher, e.bundle(), e.describe()) : List.of(e.path());
            BundleInfo info = inspect(files.get(0), e.describe());
            ComponentChecks.checkBundle(e, info);
            progress.detail("  " + e.describe() + ": " + info.module() + ", " + info.factories().stream()
                    .map(FactoryInfo::describe).collect(Collectors.joining(", ")));
            out.add(new ChosenComponent(e, files, info));
        }
        ComponentChecks.checkUnique(out);
        return out;
    }

    /**
     * A component bundle that arrives as someone's dependency but is not in the manifest stays out: a
     * distribution has exactly the components its manifest lists.
     */
    private static void leaveOutUnlistedComponents(Repository repository, List<Candidate> listed, Progress progress)
            throws BuildException {
        for (Candidate c : repository.candidates()) {
            if (listed.contains(c)) {
                continue;
            }
            BundleInfo info = inspect(c.file(), c.origin());
            if (!info.factories().isEmpty()) {
                repository.remove(c);
                progress.detail("  leaving out " + c.describe() + " (from " + c.origin()
                        + "): a component the manifest does not list");
            }
        }
    }

    /** Writes or checks config/config.yaml; the config when there is a valid one. */
    private static Optional<Path> shipConfig(Manifest manifest, List<Listing> listed, DistributionRun run, Path out,
            Progress progress) throws BuildException {
        Path config = out.resolve(DistributionWriter.CONFIG);
        if (manifest.config().isEmpty()) {
            Optional<String> generated = DefaultConfig.generate(manifest.dist(), listed);
            if (generated.isEmpty()) {
                progress.warning("no default config: no receiver and exporter of this distribution share a signal; "
                        + "name one with `config:` in the manifest");
                return Optional.empty();
            }
            try {
                Files.writeString(config, generated.get(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BuildException("cannot write " + config + ": " + e.getMessage(), e);
            }
        }
        String problem = run.validate(config);
        if (!problem.isEmpty()) {
            progress.warning((manifest.config().isPresent() ? manifest.config().get().toString()
                    : "the generated " + DistributionWriter.CONFIG) + " is not valid for this distribution:\n"
                    + problem);
            return Optional.empty();
        }
        return Optional.of(config);
    }

    /** Dependencies that are jars: a dependency of type pom (a BOM, an aggregate) holds no bundle. */
    private static List<Path> jars(List<Path> files) {
        return files.stream().filter(f -> f.getFileName().toString().endsWith(".jar")).toList();
    }

    private static List<Path> fetch(ArtifactFetcher fetcher, Coordinates c, String who) throws BuildException {
        try {
            List<Path> files = fetcher.fetchWithDependencies(c);
            if (files.isEmpty()) {
                throw new BuildException(c + " was not found");
            }
            return files;
        } catch (BuildException e) {
            throw new BuildException(who + ": " + e.getMessage(), e);
        }
    }

    private static Path fetchOne(ArtifactFetcher fetcher, Coordinates c, String who) throws BuildException {
        try {
            return fetcher.fetch(c);
        } catch (BuildException e) {
            throw new BuildException(who + ": " + e.getMessage(), e);
        }
    }

    private static BundleInfo inspect(Path file, String who) throws BuildException {
        try {
            return BundleInspector.inspect(file);
        } catch (IOException e) {
            throw new BuildException(who + ": cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String summary(List<Listing> listed) {
        List<String> parts = new ArrayList<>();
        for (ComponentKind kind : ComponentKind.values()) {
            List<String> names = listed.stream().filter(l -> l.kind() == kind).map(Listing::name).toList();
            if (!names.isEmpty()) {
                parts.add(kind.section() + " " + String.join(", ", names));
            }
        }
        return String.join("; ", parts);
    }

    private static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
