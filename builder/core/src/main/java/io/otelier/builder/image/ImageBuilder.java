package io.otelier.builder.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import com.google.cloud.tools.jib.api.buildplan.Port;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import io.otelier.builder.BuildException;
import io.otelier.builder.BuilderVersion;
import io.otelier.builder.Progress;
import io.otelier.builder.manifest.DistInfo;
import io.otelier.builder.manifest.ImageSpec;
import io.otelier.builder.output.DistributionRun;
import io.otelier.builder.output.DistributionWriter;
import io.otelier.builder.output.Listing;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds a distribution's container image with Jib (no Docker daemon): the base (a jlink runtime made here, a
 * {@code docker save} tarball or a registry image), then the distribution's layers ({@link ImageLayout}). The
 * entrypoint is the distribution's launcher, started as upstream's images start theirs:
 * {@code --config /etc/<name>/config.yaml}, with the config's servers bound to {@code 0.0.0.0}
 * ({@link ImageConfig}) and their ports exposed; the user is uid/gid 10001, as upstream's. The image goes to a
 * tarball and/or a registry.
 */
public final class ImageBuilder {

    private static final String UNREACHABLE_BASE = "the registry is unreachable from here: use base: jlink (made "
            + "from this JDK, no registry needed) or a `docker save` tarball (base: tar://file.tar)";

    private final DistInfo dist;
    private final ImageSpec spec;
    private final Path distribution;
    private final List<Listing> components;
    private final Path javaHome;
    private final Progress progress;

    private ImageBuilder(DistInfo dist, ImageSpec spec, Path distribution, List<Listing> components, Path javaHome,
            Progress progress) {
        this.dist = dist;
        this.spec = spec;
        this.distribution = distribution;
        this.components = components;
        this.javaHome = javaHome;
        this.progress = progress;
    }

    /**
     * @param distribution the built distribution folder
     * @param components   what it registers (for the components label)
     * @param javaHome     the JDK a jlink base is made from
     */
    public static ImageResult build(DistInfo dist, ImageSpec spec, Path distribution, List<Listing> components,
            Path javaHome, Progress progress) throws BuildException {
        return new ImageBuilder(dist, spec, distribution, components, javaHome, progress).build();
    }

    private ImageResult build() throws BuildException {
        Path work = null;
        try {
            work = Files.createTempDirectory("otelier-image-");
            return build(work);
        } catch (IOException e) {
            throw new BuildException("cannot build the image " + spec.name() + ": " + e, e);
        } finally {
            deleteTree(work);
        }
    }

    private ImageResult build(Path work) throws BuildException, IOException {
        long start = System.nanoTime();
        String name = dist.name();
        Path configFile = null;
        ImageConfig config = null;
        Path shipped = distribution.resolve(DistributionWriter.CONFIG);
        if (Files.isRegularFile(shipped)) {
            config = ImageConfig.of(Files.readString(shipped, StandardCharsets.UTF_8));
            configFile = Files.writeString(work.resolve("config.yaml"), config.text(), StandardCharsets.UTF_8);
            progress.step("Image config " + ImageLayout.configPath(name) + ": " + describe(config));
            for (ImageConfig.Rewrite r : config.rewrites()) {
                progress.detail("  " + r);
            }
        } else {
            progress.warning("the distribution has no config/config.yaml: its image starts without --config");
        }

        JibContainerBuilder jib = base(work, configFile);
        for (FileEntriesLayer layer : ImageLayout.layers(distribution, name, configFile)) {
            jib.addFileEntriesLayer(layer);
        }
        Set<Port> ports = new LinkedHashSet<>();
        if (config != null) {
            config.ports().forEach(p -> ports.add(Port.parseProtocol(p.port(), p.protocol())));
        }
        jib.setEntrypoint(ImageLayout.home(name) + "/bin/" + name)
                .setProgramArguments(configFile == null ? List.of() : List.of("--config", ImageLayout.configPath(name)))
                .setExposedPorts(ports)
                .setLabels(ImageLabels.of(dist, components, registryBase(), spec.labels()))
                .setUser(JlinkBase.OWNER)
                .setFormat(spec.format().equals(ImageSpec.OCI_FORMAT) ? ImageFormat.OCI : ImageFormat.Docker)
                .setCreationTime(creationTime());

        Path tarball = null;
        JibContainer container = null;
        if (spec.writesTarball()) {
            tarball = spec.tarball() != null ? spec.tarball() : distribution.resolveSibling(name + "-image.tar");
            container = writeTarball(jib, tarball, work);
        }
        if (spec.push()) {
            container = push(jib, tarball, work);
        }
        progress.step("Built image " + spec.name() + " in " + seconds(start) + ": entrypoint bin/" + name
                + ", exposes " + (ports.isEmpty() ? "no port" : ports.stream().map(Port::toString)
                        .collect(Collectors.joining(", "))));
        return new ImageResult(spec.name(), tarball, container.getDigest().toString(),
                container.getImageId().toString(), spec.push());
    }

    private JibContainer writeTarball(JibContainerBuilder jib, Path tarball, Path work) throws BuildException,
            IOException {
        long t = System.nanoTime();
        Files.createDirectories(tarball.toAbsolutePath().getParent());
        JibContainer container = containerize(jib, Containerizer.to(TarImage.at(tarball).named(reference(
                spec.name()))), work);
        progress.step("Wrote image " + spec.name() + " to " + tarball + " (" + megabytes(Files.size(tarball)) + ", "
                + seconds(t) + ")");
        return container;
    }

    /** @param tarball where the image was also written, or null */
    private JibContainer push(JibContainerBuilder jib, Path tarball, Path work) throws BuildException {
        long t = System.nanoTime();
        Optional<String> unreachable = RegistryProbe.unreachable(reference(spec.name()).getRegistry(),
                spec.allowInsecureRegistries());
        if (unreachable.isPresent()) {
            throw new BuildException("cannot push the image " + spec.name() + " (image::push): " + unreachable.get()
                    + "; a registry is unreachable from here" + (tarball == null ? ""
                            : " (the image is in " + tarball + ")"));
        }
        JibContainer container = containerize(jib, Containerizer.to(registryImage(spec.name()))
                .setAllowInsecureRegistries(spec.allowInsecureRegistries()), work);
        progress.step("Pushed image " + spec.name() + "@" + container.getDigest() + " (" + seconds(t) + ")");
        return container;
    }

    /** The base image: the jlink base (made here or cached), a tarball, or a registry image. */
    private JibContainerBuilder base(Path work, Path configFile) throws BuildException, IOException {
        if (spec.jlinkBase()) {
            long t = System.nanoTime();
            BuilderCache cache = BuilderCache.standard();
            JlinkBase.Base base = JlinkBase.obtain(javaHome, distribution, cache, Files.createDirectories(
                    work.resolve("base")), progress);
            progress.step((base.reused() ? "Reused the jlink base from " + cache.root() : "Made the jlink base")
                    + ": " + base.modules().size() + " modules of " + javaHome + ", " + base.libraries().size()
                    + " shared libraries (" + megabytes(Files.size(base.tarball())) + " compressed, " + seconds(t)
                    + ")");
            progress.detail("  modules: " + String.join(", ", base.modules()));
            progress.detail("  libraries: " + String.join(", ", base.libraries()));
            checkRuntime(base.runtime(), configFile);
            return Jib.from(TarImage.at(base.tarball()));
        }
        Path tar = spec.baseTarball();
        if (tar != null) {
            return Jib.from(TarImage.at(tar));
        }
        Optional<String> unreachable = RegistryProbe.unreachable(reference(spec.base()).getRegistry(), false);
        if (unreachable.isPresent()) {
            throw new BuildException("cannot pull the base image " + spec.base() + " (image::base): "
                    + unreachable.get() + "; " + UNREACHABLE_BASE);
        }
        return Jib.from(registryImage(spec.base()))
                .setPlatforms(Set.of(new Platform(architecture(), "linux")));
    }

    /**
     * Starts the distribution on the jlink runtime with the image's config ({@code validate}): a module that
     * jdeps could not see shows up here rather than in a running container.
     */
    private void checkRuntime(Path runtime, Path configFile) throws BuildException {
        if (configFile == null) {
            return;
        }
        long t = System.nanoTime();
        String problem = new DistributionRun(distribution, dist.name(), runtime).validate(configFile);
        if (!problem.isEmpty()) {
            if (!new DistributionRun(distribution, dist.name(), javaHome).validate(configFile).isEmpty()) {
                progress.warning("the image's config is not valid for this distribution on any runtime; the jlink "
                        + "runtime is not checked:\n" + problem);
                return;
            }
            throw new BuildException("the distribution does not run on its jlink runtime (validating the image's "
                    + "config):\n" + problem);
        }
        progress.step("Checked the image's config on the jlink runtime (" + seconds(t) + ")");
    }

    private JibContainer containerize(JibContainerBuilder jib, Containerizer containerizer, Path work)
            throws BuildException {
        containerizer.setToolName("otelier-builder").setToolVersion(BuilderVersion.get())
                .setApplicationLayersCache(work.resolve("jib-cache"))
                // a tarball base is unpacked for each build rather than kept in Jib's cache in the home folder
                .setBaseImageLayersCache(registryBase() == null ? work.resolve("jib-base-cache")
                        : Containerizer.DEFAULT_BASE_CACHE_DIRECTORY)
                .addEventHandler(LogEvent.class, this::log);
        try {
            return jib.containerize(containerizer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildException("interrupted while building the image " + spec.name(), e);
        } catch (ExecutionException | IOException | RuntimeException | com.google.cloud.tools.jib.api.RegistryException
                | com.google.cloud.tools.jib.api.CacheDirectoryCreationException e) {
            throw new BuildException(failure(e), e);
        }
    }

    /** Jib's failures, told in terms of the manifest: which registry, and what to do about it. */
    private String failure(Throwable e) {
        Throwable root = e;
        List<String> messages = new ArrayList<>();
        while (root != null) {
            if (root.getMessage() != null && !(root instanceof ExecutionException)
                    && messages.stream().noneMatch(root.getMessage()::contains)) {
                messages.add(root.getMessage());
            }
            if (root.getCause() == null || root.getCause() == root) {
                break;
            }
            root = root.getCause();
        }
        String why = String.join(": ", messages);
        boolean unreachable = root instanceof UnknownHostException || root instanceof ConnectException
                || root instanceof java.net.SocketTimeoutException || root instanceof java.net.NoRouteToHostException;
        String registryBase = registryBase();
        if (!spec.push() && registryBase != null) {
            return "cannot pull the base image " + registryBase + " (image::base): " + why
                    + (unreachable ? "; " + UNREACHABLE_BASE : "");
        }
        return "cannot build the image " + spec.name() + (spec.push() ? " and push it" : "") + " (base "
                + spec.base() + "): " + why + (unreachable ? "; a registry is unreachable from here" : "");
    }

    private void log(LogEvent e) {
        switch (e.getLevel()) {
            case ERROR, WARN, LIFECYCLE -> progress.detail("  jib: " + e.getMessage());
            default -> {
                // debug and progress events are Jib's own bookkeeping
            }
        }
    }

    /** {@code ref} in its registry, with the credentials of {@code docker login}/{@code podman login}. */
    private RegistryImage registryImage(String ref) throws BuildException {
        ImageReference reference = reference(ref);
        RegistryImage image = RegistryImage.named(reference);
        CredentialRetrieverFactory credentials = CredentialRetrieverFactory.forImage(reference, this::log);
        // podman's auth file when REGISTRY_AUTH_FILE names it, Docker's config, then credential helpers
        String authFile = System.getenv("REGISTRY_AUTH_FILE");
        if (authFile != null && !authFile.isBlank()) {
            image.addCredentialRetriever(credentials.dockerConfig(Path.of(authFile)));
        }
        return image.addCredentialRetriever(credentials.dockerConfig())
                .addCredentialRetriever(credentials.wellKnownCredentialHelpers());
    }

    private static ImageReference reference(String ref) throws BuildException {
        try {
            return ImageReference.parse(ref);
        } catch (InvalidImageReferenceException e) {
            throw new BuildException("\"" + ref + "\" is not an image reference: " + e.getMessage(), e);
        }
    }

    private String registryBase() {
        return spec.jlinkBase() || spec.baseTarball() != null ? null : spec.base();
    }

    /** {@code SOURCE_DATE_EPOCH} (seconds) for reproducible builds, else now. */
    static Instant creationTime() {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.matches("[0-9]+")) {
            return Instant.ofEpochSecond(Long.parseLong(epoch));
        }
        return Instant.now();
    }

    /** The OCI name of this machine's architecture. */
    static String architecture() {
        return switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> System.getProperty("os.arch");
        };
    }

    private static String describe(ImageConfig config) {
        String rewrites = config.rewrites().isEmpty() ? "no server bound to a loopback host"
                : config.rewrites().size() + " server" + (config.rewrites().size() == 1 ? "" : "s") + " moved from "
                        + "loopback to " + ImageConfig.ANY_HOST;
        return rewrites + "; ports " + (config.ports().isEmpty() ? "none" : config.ports().stream()
                .map(ImageConfig.ExposedPort::toString).collect(Collectors.joining(", ")));
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
