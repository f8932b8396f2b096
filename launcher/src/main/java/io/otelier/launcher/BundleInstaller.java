package io.otelier.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;

/** Installs every jar of the given folders, in name order, and starts those that are not fragments. */
final class BundleInstaller {

    static final int DEFAULT_START_LEVEL = 2;
    static final int RUNTIME_START_LEVEL = 3;
    private static final String RUNTIME_BSN = "io.otelier.runtime";

    private final BundleContext context;
    private final List<Bundle> installed = new ArrayList<>();

    BundleInstaller(BundleContext context) {
        this.context = context;
    }

    void installAll(Path... folders) throws IOException {
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            List<Path> jars = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.jar")) {
                ds.forEach(jars::add);
            }
            jars.sort(null);
            for (Path jar : jars) {
                install(jar);
            }
        }
    }

    /**
     * By reference: the framework reads the jar where it is instead of copying it into its storage first, which
     * saves writing the distribution's ~25 MB into every process's storage at every start. bundles/ is the
     * distribution's own, unchanged while it runs; changes while running go through deploy/.
     */
    private void install(Path jar) {
        try {
            Bundle b = context.installBundle("reference:" + jar.toUri());
            int level = RUNTIME_BSN.equals(b.getSymbolicName()) ? RUNTIME_START_LEVEL : DEFAULT_START_LEVEL;
            b.adapt(BundleStartLevel.class).setStartLevel(level);
            installed.add(b);
        } catch (BundleException e) {
            System.err.println("warning: " + jar.getFileName() + " is not installable: " + Main.describe(e));
        }
    }

    /** Marks every bundle for start; the framework starts them level by level. */
    void startAll() {
        for (Bundle b : installed) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                b.start();
            } catch (BundleException e) {
                System.err.println("warning: bundle " + b.getSymbolicName() + " did not start: "
                        + Main.describe(e));
            }
        }
    }
}
