package io.otelier.builder.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.FilePermissionsProvider;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import io.otelier.builder.BuildException;
import io.otelier.builder.Progress;
import io.otelier.builder.output.JdkRelease;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The base the builder makes itself, so that an image needs no registry: a jlink runtime of the build JDK with
 * the modules the distribution needs, the build machine's shared libraries that the runtime, the launcher's shell
 * and the bundles' native code need (as {@code ldd} reports them, with the dynamic loader), and a minimal
 * {@code /etc} with a non-root user. Two layers, {@value #RUNTIME_LAYER} and {@value #SYSTEM_LAYER}, written as a
 * {@code docker load} tarball that the image is then built on, as on a {@code tar://} base; the tarball and the
 * runtime are kept in the {@link BuilderCache}, so the next build of the same distribution (or of another with
 * the same needs) reuses them.
 *
 * <p>The modules are what {@code jdeps} finds referenced by the distribution's jars (bundles, the jars they
 * embed, the launcher and the framework), plus {@link #RUNTIME_MODULES}, which code reaches only by name at run
 * time. Computing beats a fixed list: a new component's needs (OSHI's {@code java.desktop}, Kafka's
 * {@code java.security.jgss}) arrive with it, and a distribution carries no module it does not use. The
 * java.desktop native libraries (AWT, Java 2D, sound, image I/O) are left out: a collector draws nothing, and
 * they would pull in the build machine's X11, font and sound libraries; {@code java.beans}, which Jackson uses,
 * is plain Java and stays.
 */
final class JlinkBase {

    static final String RUNTIME_LAYER = "base: java runtime";
    static final String SYSTEM_LAYER = "base: system";
    static final int USER_ID = 10001;
    static final String USER = "otel";
    /** As upstream's images: uid and gid 10001. */
    static final String OWNER = USER_ID + ":" + USER_ID;

    /**
     * Modules found by name at run time, which {@code jdeps} cannot see: the EC algorithms of TLS (a security
     * provider), JNDI's DNS provider (SRV lookups), the platform MXBeans behind the process metrics, and
     * {@code sun.misc.Unsafe}, which netty and protobuf look up reflectively.
     */
    static final List<String> RUNTIME_MODULES = List.of("jdk.crypto.ec", "jdk.naming.dns", "jdk.management",
            "jdk.unsupported");
    private static final List<String> JLINK_OPTIONS = List.of("--strip-debug", "--no-header-files",
            "--no-man-pages", "--exclude-files=glob:/java.desktop/lib/**");
    /** Paths of native libraries built for other systems than glibc Linux. */
    private static final List<String> FOREIGN = List.of("musl", "alpine", "android", "freebsd", "darwin", "macos",
            "osx", "windows", "win32", "aix", "sunos", "solaris");
    /** glibc's UTF-8 C locale, so that the JVM's default charset is UTF-8. */
    private static final List<Path> C_UTF8 = List.of(Path.of("/usr/lib/locale/C.utf8"),
            Path.of("/usr/lib/locale/C.UTF-8"));
    private static final String SHELL = "/bin/sh";
    static final String PATH = ImageLayout.JAVA_HOME
            + "/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /**
     * @param tarball   the base image, a {@code docker load} tarball
     * @param runtime   the jlink runtime (to run the distribution on before the image is made)
     * @param libraries host paths of the shared libraries copied, loader included
     * @param reused    whether it came from the cache
     */
    record Base(Path tarball, Path runtime, List<String> modules, List<String> libraries, boolean reused) {
    }

    private static final String CACHE_KIND = "jlink";
    private static final String BASE_TAR = "base.tar";
    private static final String LIBRARIES = "libraries.txt";

    private final Path javaHome;
    private final BuilderCache cache;
    private final Path work;
    private final Progress progress;

    private JlinkBase(Path javaHome, BuilderCache cache, Path work, Progress progress) {
        this.javaHome = javaHome;
        this.cache = cache;
        this.work = work;
        this.progress = progress;
    }

    /**
     * The base for {@code distribution} made with the JDK at {@code javaHome}: from the cache when one was made
     * for the same JDK, modules, native libraries and system libraries, else made now (in {@code work}) and cached.
     */
    static Base obtain(Path javaHome, Path distribution, BuilderCache cache, Path work, Progress progress)
            throws BuildException {
        if (!System.getProperty("os.name").startsWith("Linux")) {
            throw new BuildException("image::base jlink makes a Linux image from this machine's JDK and shared "
                    + "libraries, and this is " + System.getProperty("os.name") + "; use base: tar://… (a `docker "
                    + "save` tarball) or a registry image");
        }
        try {
            return new JlinkBase(javaHome, cache, work, progress).obtain(distribution);
        } catch (IOException e) {
            throw new BuildException("cannot make the jlink base: " + e, e);
        }
    }

    private Base obtain(Path distribution) throws BuildException, IOException {
        Jars jars = Jars.of(distribution);
        List<String> modules = modules(jars);
        Path shell = Path.of(SHELL).toRealPath();
        String key = BuilderCache.key(baseIdentity(modules, jars, shell));
        Path entry = cache.find(CACHE_KIND, key);
        if (entry != null && Files.isRegularFile(entry.resolve(BASE_TAR))
                && Files.isRegularFile(entry.resolve(LIBRARIES))) {
            return new Base(entry.resolve(BASE_TAR), entry.resolve("runtime"), modules,
                    Files.readAllLines(entry.resolve(LIBRARIES), StandardCharsets.UTF_8), true);
        }
        BuilderCache.deleteTree(entry); // incomplete: someone removed part of it
        Path prepared = cache.prepare(CACHE_KIND, key);
        try {
            long t = System.nanoTime();
            Path runtime = jlink(modules, prepared.resolve("runtime"));
            progress.detail("  jlink: " + seconds(t));
            t = System.nanoTime();
            List<Path> elves = new ArrayList<>(elfFiles(runtime));
            elves.add(shell);
            List<Path> natives = jars.extract(jars.natives(), Files.createDirectories(work.resolve("natives")));
            List<String> libraries = libraries(runtime, elves, natives);
            progress.detail("  ldd on " + elves.size() + " files of the runtime and the shell, " + natives.size()
                    + " native libraries of the bundles: " + seconds(t));
            t = System.nanoTime();
            Map<String, String> env = new LinkedHashMap<>();
            env.put("JAVA_HOME", ImageLayout.JAVA_HOME);
            env.put("PATH", PATH);
            FileEntriesLayer system = system(shell, libraries, env);
            FileEntriesLayer java = FileEntriesLayer.builder().setName(RUNTIME_LAYER)
                    .addEntryRecursive(runtime, AbsoluteUnixPath.get(ImageLayout.JAVA_HOME), OWN_MODE).build();
            writeImage(prepared.resolve(BASE_TAR), key, List.of(java, system), env);
            progress.detail("  base tarball: " + seconds(t));
            Files.write(prepared.resolve(LIBRARIES), libraries, StandardCharsets.UTF_8);
            entry = cache.publish(prepared, CACHE_KIND, key);
            return new Base(entry.resolve(BASE_TAR), entry.resolve("runtime"), modules, libraries, false);
        } finally {
            BuilderCache.deleteTree(prepared);
        }
    }

    /** What the base is made from: if any of it changes, the base is made again. */
    private List<String> baseIdentity(List<String> modules, Jars jars, Path shell) throws IOException {
        List<String> parts = new ArrayList<>();
        parts.add("modules " + String.join(",", modules));
        parts.add("jlink " + String.join(" ", JLINK_OPTIONS));
        parts.add("jdk " + javaHome.toRealPath() + " " + stamp(javaHome.resolve("release")) + " "
                + stamp(javaHome.resolve("lib/server/libjvm.so")));
        parts.add("shell " + shell + " " + stamp(shell));
        // ldconfig rewrites its cache whenever system libraries are installed or updated
        parts.add("ld.so.cache " + stamp(Path.of("/etc/ld.so.cache")));
        parts.add("layout " + ImageLayout.JAVA_HOME + " " + OWNER + " " + etcFiles() + " " + C_UTF8);
        jars.natives().forEach(n -> parts.add("native " + n));
        return parts;
    }

    private static String stamp(Path p) {
        try {
            return Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return "absent";
        }
    }

    /** The base as a {@code docker load} tarball: the same route as a {@code tar://} base from then on. */
    private void writeImage(Path tarball, String key, List<FileEntriesLayer> layers, Map<String, String> env)
            throws BuildException {
        JibContainerBuilder jib = Jib.fromScratch()
                .setPlatforms(Set.of(new Platform(ImageBuilder.architecture(), "linux")))
                .setEnvironment(env).setFormat(ImageFormat.Docker).setCreationTime(Instant.EPOCH);
        layers.forEach(jib::addFileEntriesLayer);
        try {
            jib.containerize(Containerizer.to(TarImage.at(tarball).named("otelier/jlink-base:" + key))
                    .setToolName("otelier-builder").setApplicationLayersCache(work.resolve("jib-base")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildException("interrupted while writing the jlink base", e);
        } catch (Exception e) {
            throw new BuildException("cannot write the jlink base image: " + e.getMessage(), e);
        }
    }

    private static final FilePermissionsProvider OWN_MODE = (source, target) -> {
        try {
            return ImageLayout.permissions(source);
        } catch (IOException e) {
            return FilePermissions.DEFAULT_FILE_PERMISSIONS;
        }
    };

    private Path tool(String name) throws BuildException {
        Path tool = javaHome.resolve("bin").resolve(name);
        if (!Files.isExecutable(tool)) {
            throw new BuildException("image::base jlink needs a JDK with " + name + ", and " + javaHome
                    + " has none; build with a full JDK (JAVA_HOME), or use base: tar://… or a registry image");
        }
        return tool;
    }

    /**
     * jdeps' modules of the jars, plus {@link #RUNTIME_MODULES}, as far as this JDK has them; remembered per
     * content of the jars, as jdeps takes seconds.
     */
    List<String> modules(Jars jars) throws BuildException, IOException {
        List<String> identity = new ArrayList<>();
        identity.add("jdeps " + javaHome.toRealPath() + " " + stamp(javaHome.resolve("release")));
        identity.add("runtime modules " + RUNTIME_MODULES);
        identity.addAll(jars.contentHashes());
        String key = BuilderCache.key(identity);
        String known = cache.read("jdeps", key);
        if (known != null) {
            return List.of(known.strip().split(","));
        }
        List<String> command = new ArrayList<>(List.of(tool("jdeps").toString(), "--print-module-deps",
                "--ignore-missing-deps", "--multi-release", String.valueOf(featureVersion()), "-q"));
        jars.jars().forEach(j -> command.add(j.toString()));
        jars.extract(jars.nested(), Files.createDirectories(work.resolve("nested")))
                .forEach(j -> command.add(j.toString()));
        long t = System.nanoTime();
        String out = Commands.output(command, "jdeps (finding the Java modules the distribution needs)");
        progress.detail("  jdeps on " + (command.size() - 6) + " jars: " + seconds(t));
        Set<String> modules = new TreeSet<>();
        for (String m : out.strip().split(",")) {
            if (!m.isBlank()) {
                modules.add(m.strip());
            }
        }
        Path jmods = javaHome.resolve("jmods");
        for (String m : RUNTIME_MODULES) {
            if (!Files.isDirectory(jmods) || Files.exists(jmods.resolve(m + ".jmod"))) {
                modules.add(m);
            }
        }
        cache.write("jdeps", key, String.join(",", modules));
        return List.copyOf(modules);
    }

    private int featureVersion() throws BuildException {
        try {
            Optional<String> version = JdkRelease.value(javaHome, "JAVA_VERSION");
            if (version.isPresent()) {
                return Integer.parseInt(version.get().split("[.+-]")[0]);
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        throw new BuildException("cannot tell the Java version of " + javaHome
                + " (no JAVA_VERSION in its release file)");
    }

    private Path jlink(List<String> modules, Path out) throws BuildException {
        List<String> command = new ArrayList<>(List.of(tool("jlink").toString(), "--add-modules",
                String.join(",", modules)));
        command.addAll(JLINK_OPTIONS);
        command.addAll(List.of("--output", out.toString()));
        if (!Files.isDirectory(javaHome.resolve("jmods"))) {
            progress.detail("  " + javaHome + " has no jmods/ folder; jlink may refuse to link");
        }
        Commands.output(command, "jlink");
        return out;
    }

    private static List<Path> elfFiles(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted().toList()) {
                if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && SharedLibraries.isElf(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /**
     * The host libraries to copy. A library not found is fatal for the runtime and the shell, unless the runtime
     * holds it (its libraries find {@code libjvm.so} because the JVM has loaded it already); for the bundles'
     * native code it is only reported (such jars carry builds for several C libraries).
     */
    private List<String> libraries(Path runtime, List<Path> elves, List<Path> bundleNatives) throws BuildException,
            IOException {
        List<Path> all = new ArrayList<>(elves);
        all.addAll(bundleNatives);
        SharedLibraries.Report report = SharedLibraries.ldd(all);
        Set<String> inRuntime = new TreeSet<>();
        for (Path p : elves) {
            inRuntime.add(p.getFileName().toString());
        }
        List<String> missing = new ArrayList<>();
        Set<String> nativesPaths = bundleNatives.stream().map(Path::toString).collect(Collectors.toSet());
        report.notFound().forEach((lib, needers) -> {
            if (inRuntime.contains(lib)) {
                return;
            }
            List<String> core = needers.stream().filter(n -> !nativesPaths.contains(n)).toList();
            if (core.isEmpty()) {
                progress.detail("  not on this machine: " + lib + " (needed by " + needers.stream()
                        .map(n -> work.relativize(Path.of(n)).toString()).collect(Collectors.joining(", "))
                        + "); left out");
            } else {
                missing.add(lib + " (needed by " + String.join(", ", core) + ")");
            }
        });
        if (!missing.isEmpty()) {
            throw new BuildException("the jlink base needs shared libraries this machine does not have: "
                    + String.join("; ", missing));
        }
        return List.copyOf(SharedLibraries.outside(report.found(), runtime).keySet());
    }

    private FileEntriesLayer system(Path shell, List<String> libraries, Map<String, String> env) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(SYSTEM_LAYER);
        FilePermissions exec = FilePermissions.fromOctalString("755");
        layer.addEntry(shell, AbsoluteUnixPath.get(SHELL), exec);
        for (String lib : libraries) {
            Path real = Path.of(lib).toRealPath();
            layer.addEntry(real, AbsoluteUnixPath.get(lib), exec);
        }
        Path etc = Files.createDirectories(work.resolve("etc"));
        for (Map.Entry<String, String> f : etcFiles().entrySet()) {
            Path file = etc.resolve(f.getKey());
            Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
            layer.addEntry(file, AbsoluteUnixPath.get("/etc/" + f.getKey()), FilePermissions.DEFAULT_FILE_PERMISSIONS);
        }
        Path empty = Files.createDirectories(work.resolve("empty"));
        // the JVM's temporary files and the framework's storage; Jib cannot set the sticky bit
        layer.addEntry(empty, AbsoluteUnixPath.get("/tmp"), FilePermissions.fromOctalString("777"));
        layer.addEntry(new com.google.cloud.tools.jib.api.buildplan.FileEntry(empty,
                AbsoluteUnixPath.get("/home/" + USER), FilePermissions.DEFAULT_FOLDER_PERMISSIONS,
                FileEntriesLayer.DEFAULT_MODIFICATION_TIME, OWNER));
        for (Path locale : C_UTF8) {
            if (Files.isDirectory(locale)) {
                try (Stream<Path> walk = Files.walk(locale)) {
                    for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                        layer.addEntry(p.toRealPath(), AbsoluteUnixPath.get(p.toString()),
                                FilePermissions.DEFAULT_FILE_PERMISSIONS);
                    }
                }
                env.put("LANG", "C.UTF-8");
                break;
            }
        }
        if (!env.containsKey("LANG")) {
            progress.detail("  no C.UTF-8 locale on this machine: the image's default charset is ASCII");
        }
        return layer.build();
    }

    /** A minimal /etc: root and the collector's user, files-only name service, loopback names. */
    static Map<String, String> etcFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("passwd", "root:x:0:0:root:/root:/sbin/nologin\n"
                + USER + ":x:" + USER_ID + ":" + USER_ID + ":OpenTelemetry Collector:/home/" + USER
                + ":/sbin/nologin\n");
        files.put("group", "root:x:0:\n" + USER + ":x:" + USER_ID + ":\n");
        files.put("nsswitch.conf", "passwd: files\ngroup: files\nshadow: files\nhosts: files dns\n");
        files.put("hosts", "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n");
        return files;
    }

    /** A file inside a jar: a jar a bundle embeds, or a native library. */
    record Inner(Path jar, String entry, long size, long crc) {
        @Override
        public String toString() {
            return jar.getFileName() + "!/" + entry + " " + size + " " + Long.toHexString(crc);
        }
    }

    /** The distribution's jars, the jars they embed (for jdeps) and the native libraries they carry (for ldd). */
    record Jars(List<Path> jars, List<Inner> nested, List<Inner> natives) {

        static Jars of(Path distribution) throws IOException {
            List<Path> jars;
            try (Stream<Path> walk = Files.walk(distribution)) {
                jars = walk.filter(p -> p.toString().endsWith(".jar") && Files.isRegularFile(p)).sorted().toList();
            }
            List<Inner> nested = new ArrayList<>();
            List<Inner> natives = new ArrayList<>();
            for (Path jar : jars) {
                try (JarFile jf = new JarFile(jar.toFile())) {
                    for (Enumeration<JarEntry> e = jf.entries(); e.hasMoreElements();) {
                        JarEntry entry = e.nextElement();
                        String name = entry.getName();
                        if (entry.isDirectory() || name.contains("..")) {
                            continue;
                        }
                        if (name.endsWith(".jar")) {
                            nested.add(new Inner(jar, name, entry.getSize(), entry.getCrc()));
                        } else if (nativeForThisPlatform(name)) {
                            natives.add(new Inner(jar, name, entry.getSize(), entry.getCrc()));
                        }
                    }
                }
            }
            return new Jars(jars, nested, natives);
        }

        /** Each jar's name and SHA-256. */
        List<String> contentHashes() throws IOException {
            List<String> out = new ArrayList<>();
            for (Path jar : jars) {
                out.add(jar.getFileName() + " " + sha256(jar));
            }
            return out;
        }

        /** Extracts {@code inner} files under {@code into}, one folder per jar; returns their paths. */
        List<Path> extract(List<Inner> inner, Path into) throws IOException {
            List<Path> out = new ArrayList<>();
            for (Inner i : inner) {
                Path target = into.resolve(String.valueOf(jars.indexOf(i.jar()))).resolve(i.entry());
                Files.createDirectories(target.getParent());
                try (JarFile jf = new JarFile(i.jar().toFile());
                        InputStream in = jf.getInputStream(jf.getEntry(i.entry()))) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                out.add(target);
            }
            return out;
        }

        private static String sha256(Path file) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0;) {
                    sha.update(buffer, 0, n);
                }
                return java.util.HexFormat.of().formatHex(sha.digest());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A shared library built for Linux on this machine's architecture, by the usual names jars give them. */
    static boolean nativeForThisPlatform(String entryName) {
        String name = entryName.toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".so") || name.contains(".so."))) {
            return false;
        }
        if (FOREIGN.stream().anyMatch(name::contains)) {
            return false;
        }
        return Arrays.stream(architectureNames()).anyMatch(name::contains);
    }

    private static String[] architectureNames() {
        return switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> new String[] {"amd64", "x86_64", "x86-64"};
            case "aarch64", "arm64" -> new String[] {"aarch64", "arm64"};
            default -> new String[] {System.getProperty("os.arch")};
        };
    }

    private static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
