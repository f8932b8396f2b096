package io.otelier.extension.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Bundle operations for the admin endpoint. With a deploy folder (FileInstall's), install copies the jar
 * there, update replaces the file and uninstall deletes it — so the change survives a restart — and each
 * operation waits until FileInstall has applied it. Bundles that did not come from the deploy folder are
 * updated or uninstalled directly, followed by a refresh.
 *
 * <p>Infrastructure bundles (those exporting packages other bundles are wired to: api, pdata, helpers, grpc,
 * the runtime) are updated and then refreshed together with every bundle using them: the runtime stops (its
 * pipelines drain), and the launcher starts the collector again on the new bundles with the same command
 * line. That happens after the answer is sent (this endpoint restarts too). They cannot be uninstalled.
 */
final class BundleOps {

    /** Bound on waiting for FileInstall (polls every second) and for the pipelines to drain. */
    private static final long APPLY_TIMEOUT_MILLIS = 120_000;
    private static final String CENTRAL = "https://repo1.maven.org/maven2/";
    private static final String REFERENCE = "reference:";

    /** A refusal to report to the client with an HTTP status. */
    static final class OpException extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        OpException(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private final BundleContext context;
    private final Optional<Path> deploy;

    BundleOps(BundleContext context, Optional<Path> deploy) {
        this.context = context;
        this.deploy = deploy.filter(Files::isDirectory);
    }

    /** One line per bundle: id, state, symbolic name, version, where it came from. */
    String list() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-4s %-11s %-50s %-24s %s%n", "ID", "STATE", "SYMBOLIC NAME", "VERSION", "SOURCE"));
        for (Bundle b : context.getBundles()) {
            out.append(String.format("%-4d %-11s %-50s %-24s %s%n", b.getBundleId(), state(b), b.getSymbolicName(),
                    b.getVersion(), source(b)));
        }
        return out.toString();
    }

    String install(String source) throws OpException, IOException, InterruptedException {
        Path jar = resolve(source);
        Identity id = identity(jar);
        if (find(id.bsn()).isPresent()) {
            throw new OpException(409, id.bsn() + " is already installed; use update");
        }
        if (deploy.isPresent()) {
            Path target = deploy.get().resolve(id.bsn() + "-" + id.version() + ".jar");
            copyAtomically(jar, target);
            Bundle b = awaitBundle(id.bsn(), found -> found.getVersion().equals(id.version()) && ready(found));
            return "installed " + describe(b) + " from " + target + "\n";
        }
        Bundle b;
        try (InputStream in = Files.newInputStream(jar)) {
            b = context.installBundle(jar.toUri().toString(), in);
            if (!fragment(b)) {
                b.start();
            }
        } catch (BundleException e) {
            throw new OpException(422, "cannot install " + jar + ": " + e.getMessage());
        }
        return "installed " + describe(b) + "\n";
    }

    String update(String bsn, String source) throws OpException, IOException, InterruptedException {
        Bundle b = find(bsn).orElseThrow(() -> new OpException(404, "no bundle " + bsn + " is installed"));
        Path jar = resolve(source);
        Identity id = identity(jar);
        if (!id.bsn().equals(bsn)) {
            throw new OpException(422, jar + " is bundle " + id.bsn() + ", not " + bsn);
        }
        if (infrastructure(b)) {
            updateInfrastructureLater(b, jar);
            return "updating infrastructure bundle " + bsn + " to " + id.version() + ": the collector drains its"
                    + " pipelines and starts again on the new bundles\n";
        }
        Optional<Path> file = deployedFile(b);
        long before = b.getLastModified();
        if (file.isPresent()) {
            copyAtomically(jar, file.get());
            Bundle updated = awaitBundle(bsn, found -> found.getLastModified() != before
                    && found.getVersion().equals(id.version()) && ready(found));
            return "updated " + describe(updated) + "\n";
        }
        try (InputStream in = Files.newInputStream(jar)) {
            b.update(in);
            refresh(b);
        } catch (BundleException e) {
            throw new OpException(422, "cannot update " + bsn + ": " + e.getMessage());
        }
        return "updated " + describe(b) + "\n";
    }

    String uninstall(String bsn) throws OpException, IOException, InterruptedException {
        Bundle b = find(bsn).orElseThrow(() -> new OpException(404, "no bundle " + bsn + " is installed"));
        refuseInfrastructure(b);
        String described = describe(b);
        Optional<Path> file = deployedFile(b);
        if (file.isPresent()) {
            Files.deleteIfExists(file.get());
            long deadline = System.currentTimeMillis() + APPLY_TIMEOUT_MILLIS;
            while (b.getState() != Bundle.UNINSTALLED) {
                if (System.currentTimeMillis() > deadline) {
                    throw new OpException(504, "FileInstall did not uninstall " + bsn + " in time");
                }
                Thread.sleep(50);
            }
        } else {
            try {
                b.uninstall();
                refresh(b);
            } catch (BundleException e) {
                throw new OpException(422, "cannot uninstall " + bsn + ": " + e.getMessage());
            }
        }
        return "uninstalled " + described + "\n";
    }

    private void refuseInfrastructure(Bundle b) throws OpException {
        if (infrastructure(b)) {
            throw new OpException(409, b.getSymbolicName() + " is an infrastructure bundle (other bundles use its"
                    + " packages) and cannot be uninstalled");
        }
    }

    private static boolean infrastructure(Bundle b) {
        BundleWiring wiring = b.adapt(BundleWiring.class);
        return b.getBundleId() == 0 || (wiring != null && !wiring.getProvidedWires("osgi.wiring.package").isEmpty());
    }

    /** Runs on a thread of its own: the refresh stops this extension, whose request threads it would wait for. */
    private void updateInfrastructureLater(Bundle b, Path jar) throws IOException {
        byte[] content = Files.readAllBytes(jar);
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(200);
                b.update(new java.io.ByteArrayInputStream(content));
                context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(b));
            } catch (BundleException | InterruptedException | IllegalStateException e) {
                System.err.println("warning: updating " + b.getSymbolicName() + " failed: " + e.getMessage());
            }
        }, "otelier-admin-infrastructure-update");
        t.setDaemon(true);
        t.start();
    }

    private void refresh(Bundle b) throws InterruptedException {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        wiring.refreshBundles(List.of(b), event -> done.countDown());
        done.await(APPLY_TIMEOUT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private Bundle awaitBundle(String bsn, java.util.function.Predicate<Bundle> done)
            throws OpException, InterruptedException {
        long deadline = System.currentTimeMillis() + APPLY_TIMEOUT_MILLIS;
        while (true) {
            Optional<Bundle> b = find(bsn);
            if (b.isPresent() && done.test(b.get())) {
                return b.get();
            }
            if (System.currentTimeMillis() > deadline) {
                throw new OpException(504, "FileInstall did not apply the change to " + bsn + " in time"
                        + b.map(x -> " (state " + state(x) + ")").orElse(""));
            }
            Thread.sleep(50);
        }
    }

    private static boolean ready(Bundle b) {
        return b.getState() == Bundle.ACTIVE || (fragment(b) && b.getState() == Bundle.RESOLVED);
    }

    private static boolean fragment(Bundle b) {
        return b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
    }

    private Optional<Bundle> find(String bsn) {
        return Arrays.stream(context.getBundles()).filter(b -> bsn.equals(b.getSymbolicName())).findFirst();
    }

    private Optional<Path> deployedFile(Bundle b) {
        if (deploy.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path p = Paths.get(URI.create(b.getLocation())).toAbsolutePath().normalize();
            return p.startsWith(deploy.get().toAbsolutePath().normalize()) ? Optional.of(p) : Optional.empty();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Where a bundle came from: deploy/name.jar, or its location. */
    private String source(Bundle b) {
        return deployedFile(b).map(p -> "deploy/" + p.getFileName()).orElse(displayLocation(b.getLocation()));
    }

    /** A location without Felix's {@code reference:} prefix: the launcher installs distribution bundles so. */
    static String displayLocation(String location) {
        return location.startsWith(REFERENCE) ? location.substring(REFERENCE.length()) : location;
    }

    /** The new file appears under its final name at once (FileInstall must never read half a jar). */
    private static void copyAtomically(Path jar, Path target) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".part");
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A jar path, or Maven coordinates group:artifact:version from ~/.m2, else from Maven Central. */
    static Path resolve(String source) throws OpException, IOException, InterruptedException {
        String s = source.strip();
        Path asPath = Paths.get(s);
        if (Files.isRegularFile(asPath)) {
            return asPath;
        }
        String[] gav = s.split(":");
        if (gav.length != 3 || s.contains("/")) {
            throw new OpException(404, "no such jar: " + s + " (give a jar path or group:artifact:version)");
        }
        String relative = gav[0].replace('.', '/') + "/" + gav[1] + "/" + gav[2] + "/" + gav[1] + "-" + gav[2] + ".jar";
        Path local = Paths.get(System.getProperty("user.home"), ".m2", "repository").resolve(relative);
        if (Files.isRegularFile(local)) {
            return local;
        }
        if (gav[2].endsWith("-SNAPSHOT")) {
            throw new OpException(404, s + " is not in the local Maven repository (" + local + ")");
        }
        HttpResponse<Path> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10)).build()
                .send(HttpRequest.newBuilder(URI.create(CENTRAL + relative)).timeout(Duration.ofMinutes(2)).build(),
                        HttpResponse.BodyHandlers.ofFile(Files.createTempFile("otelier-admin-", ".jar")));
        if (response.statusCode() != 200) {
            Files.deleteIfExists(response.body());
            throw new OpException(404, s + " not found in Maven Central (HTTP " + response.statusCode() + ")");
        }
        return response.body();
    }

    record Identity(String bsn, Version version) {
    }

    static Identity identity(Path jar) throws OpException {
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest m = jf.getManifest();
            String bsn = m == null ? null : m.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
            if (bsn == null) {
                throw new OpException(422, jar + " is not an OSGi bundle (no Bundle-SymbolicName)");
            }
            String version = m.getMainAttributes().getValue(Constants.BUNDLE_VERSION);
            return new Identity(bsn.split(";")[0].strip(), Version.parseVersion(version));
        } catch (IOException e) {
            throw new OpException(422, jar + " is not a jar: " + e.getMessage());
        }
    }

    private static String describe(Bundle b) {
        return b.getSymbolicName() + " " + b.getVersion() + " (id " + b.getBundleId() + ", " + state(b) + ")";
    }

    static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }

}
