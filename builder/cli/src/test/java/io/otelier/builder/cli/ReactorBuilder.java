package io.otelier.builder.cli;

import io.otelier.builder.BuilderVersion;
import io.otelier.builder.Progress;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code otelier-builder} command with this project's modules found in their target folders first
 * ({@link ReactorWorkspace}): what the image test runs, as CI runs {@code mvn verify} and installs nothing.
 * Takes the command's arguments; {@code -Dotelier.root} is the project's root folder.
 */
public final class ReactorBuilder {

    private ReactorBuilder() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("otelier.root", ".")).toAbsolutePath().normalize();
        Main main = new Main(System.out, System.err) {
            @Override
            MavenFetcher fetcher(Progress progress) {
                return new MavenFetcher(Main.defaultLocalRepository(), List.of(MavenFetcher.CENTRAL), offline,
                        new ReactorWorkspace(root, BuilderVersion.get()), progress);
            }
        };
        System.exit(new picocli.CommandLine(main).execute(args));
    }
}
