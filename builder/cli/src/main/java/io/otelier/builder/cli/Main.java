package io.otelier.builder.cli;

import io.otelier.builder.BuildException;
import io.otelier.builder.BuildRequest;
import io.otelier.builder.BuilderVersion;
import io.otelier.builder.DistributionBuilder;
import io.otelier.builder.Progress;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code otelier-builder --config manifest.yaml [--output-path DIR] [--skip-image] [--verbose]} */
@Command(name = "otelier-builder", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Builds an Otelier collector distribution from a manifest: fetches the components, resolves "
                + "their bundles with bnd, writes the distribution folder and a .tar.gz of it, and builds its "
                + "container image when the manifest has an image section.")
public class Main implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "the builder manifest")
    Path config;

    @Option(names = "--output-path", paramLabel = "DIR", description = "overrides dist::output_path")
    Path outputPath;

    @Option(names = "--skip-image", description = "build no container image, even if the manifest has an image "
            + "section")
    boolean skipImage;

    @Option(names = "--verbose", description = "print every bundle, download and component found")
    boolean verbose;

    @Option(names = "--local-repository", paramLabel = "DIR",
            description = "the local Maven repository (default: -Dmaven.repo.local or ~/.m2/repository)")
    Path localRepository;

    @Option(names = "--repository", paramLabel = "URL",
            description = "a remote Maven repository to use instead of Maven Central; repeatable")
    List<String> repositories = new ArrayList<>();

    @Option(names = "--offline", description = "use the local repository only")
    boolean offline;

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new Main(out, err));
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        Progress progress = new ConsoleProgress(out, err, verbose);
        try (MavenFetcher fetcher = fetcher(progress)) {
            DistributionBuilder.shipped().build(new BuildRequest(config, outputPath, skipImage, fetcher, progress));
            return 0;
        } catch (BuildException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
    }

    MavenFetcher fetcher(Progress progress) {
        Path local = localRepository != null ? localRepository : defaultLocalRepository();
        List<String> remotes = repositories.isEmpty() ? List.of(MavenFetcher.CENTRAL) : repositories;
        return new MavenFetcher(local, remotes, offline, null, progress);
    }

    static Path defaultLocalRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** Progress lines on stdout, warnings on stderr. */
    static final class ConsoleProgress implements Progress {
        private final PrintStream out;
        private final PrintStream err;
        private final boolean verbose;

        ConsoleProgress(PrintStream out, PrintStream err, boolean verbose) {
            this.out = out;
            this.err = err;
            this.verbose = verbose;
        }

        @Override
        public void step(String line) {
            out.println(line);
        }

        @Override
        public void detail(String line) {
            if (verbose) {
                out.println(line);
            }
        }

        @Override
        public void warning(String line) {
            err.println("warning: " + line);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"otelier-builder " + BuilderVersion.get()};
        }
    }
}
