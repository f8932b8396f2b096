package io.otelier.builder.image;

import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import io.otelier.builder.output.ClassArchive;
import io.otelier.builder.output.DistributionWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Where a distribution goes in its image, in layers ordered by how often they change: the framework and the
 * third-party libraries (launcher, {@code lib/}, bundles not made by this project), then this project's bundles
 * (components, runtime, api, helpers), then the config and the manifest. A new component version changes only
 * the last two; the distribution keeps its folder layout under {@code /opt/<name>}, and its config is also at
 * {@code /etc/<name>/config.yaml}, where upstream's images keep theirs and where users mount their own.
 */
public final class ImageLayout {

    /** Where the jlink base puts the Java runtime: where the Eclipse Temurin images have theirs. */
    public static final String JAVA_HOME = "/opt/java/openjdk";
    /** Bundles whose symbolic name starts with this are this project's. */
    static final String PROJECT_BUNDLES = "io.otelier.";

    public static final String FRAMEWORK_LAYER = "framework and libraries";
    public static final String COMPONENTS_LAYER = "components";
    public static final String CONFIG_LAYER = "config";

    private ImageLayout() {
    }

    /** The distribution's folder in the image. */
    public static String home(String name) {
        return "/opt/" + name;
    }

    /** The config the image starts with, upstream's path. */
    public static String configPath(String name) {
        return "/etc/" + name + "/config.yaml";
    }

    /**
     * The distribution's layers.
     *
     * @param imageConfig the config file the image ships instead of the distribution's, or null when it has none
     */
    public static List<FileEntriesLayer> layers(Path distribution, String name, Path imageConfig)
            throws IOException {
        AbsoluteUnixPath home = AbsoluteUnixPath.get(home(name));
        FileEntriesLayer.Builder framework = FileEntriesLayer.builder().setName(FRAMEWORK_LAYER);
        FileEntriesLayer.Builder components = FileEntriesLayer.builder().setName(COMPONENTS_LAYER);
        FileEntriesLayer.Builder config = FileEntriesLayer.builder().setName(CONFIG_LAYER);
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(distribution)) {
            // the class data archive is for the build's JVM at the folder's path, neither of which the image has
            paths = walk.filter(p -> !p.equals(distribution))
                    .filter(p -> !ClassArchive.contains(distribution.relativize(p).toString().replace('\\', '/')))
                    .sorted().toList();
        }
        for (Path p : paths) {
            String rel = distribution.relativize(p).toString().replace('\\', '/');
            AbsoluteUnixPath target = home.resolve(rel);
            if (Files.isDirectory(p)) {
                framework.addEntry(p, target, permissions(p));
            } else if (rel.equals(DistributionWriter.CONFIG)) {
                if (imageConfig != null) {
                    config.addEntry(imageConfig, target, FilePermissions.DEFAULT_FILE_PERMISSIONS);
                }
            } else if (rel.startsWith("bin/") || rel.startsWith("lib/") || rel.startsWith("deploy/")) {
                framework.addEntry(p, target, permissions(p));
            } else if (rel.startsWith("bundles/")) {
                (projectBundle(p) ? components : framework).addEntry(p, target, permissions(p));
            } else {
                config.addEntry(p, target, permissions(p));
            }
        }
        if (imageConfig != null) {
            config.addEntry(imageConfig, AbsoluteUnixPath.get(configPath(name)),
                    FilePermissions.DEFAULT_FILE_PERMISSIONS);
        }
        return List.of(framework.build(), components.build(), config.build());
    }

    static boolean projectBundle(Path jar) throws IOException {
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest m = jf.getManifest();
            String bsn = m == null ? null : m.getMainAttributes().getValue("Bundle-SymbolicName");
            return bsn != null && bsn.startsWith(PROJECT_BUNDLES);
        }
    }

    /** The file's own mode (the launcher stays executable); 644/755 where the file system has none. */
    static FilePermissions permissions(Path p) throws IOException {
        try {
            return FilePermissions.fromPosixFilePermissions(Files.getPosixFilePermissions(p));
        } catch (UnsupportedOperationException e) {
            if (Files.isDirectory(p) || Files.isExecutable(p)) {
                return FilePermissions.DEFAULT_FOLDER_PERMISSIONS;
            }
            return FilePermissions.DEFAULT_FILE_PERMISSIONS;
        }
    }
}
