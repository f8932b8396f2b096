package io.otelier.builder.maven;

import io.otelier.builder.BuildException;
import io.otelier.builder.BuildRequest;
import io.otelier.builder.DistributionBuilder;
import io.otelier.builder.Progress;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;

/**
 * Builds the distribution a manifest describes, as the {@code otelier-builder} command does. Components and the
 * base are fetched through this build (reactor modules first): a distribution module should depend on its
 * components' artifacts so that the reactor builds them before it.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public final class BuildMojo extends AbstractMojo {

    /** The builder manifest. */
    @Parameter(property = "otelier.manifest", defaultValue = "${project.basedir}/manifest.yaml")
    private File manifest;

    /** Overrides the manifest's {@code dist::output_path}. */
    @Parameter(property = "otelier.outputPath")
    private File outputPath;

    /** Build no container image even if the manifest has an image section. */
    @Parameter(property = "otelier.skipImage", defaultValue = "false")
    private boolean skipImage;

    /** Print every bundle and component found. */
    @Parameter(property = "otelier.verbose", defaultValue = "false")
    private boolean verbose;

    @Parameter(property = "otelier.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    private RepositorySystemSession repositorySession;

    @Component
    private RepositorySystem repositorySystem;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("Skipping the distribution build (otelier.skip)");
            return;
        }
        SessionFetcher fetcher = new SessionFetcher(repositorySystem, repositorySession,
                project.getRemoteProjectRepositories());
        try {
            DistributionBuilder.shipped().build(new BuildRequest(manifest.toPath(),
                    outputPath == null ? null : outputPath.toPath(), skipImage, fetcher, new LogProgress(getLog(),
                            verbose)));
        } catch (BuildException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /** Steps at info level, details at info when verbose (debug otherwise). */
    private record LogProgress(Log log, boolean verbose) implements Progress {
        @Override
        public void step(String line) {
            log.info(line);
        }

        @Override
        public void detail(String line) {
            if (verbose) {
                log.info(line);
            } else {
                log.debug(line);
            }
        }

        @Override
        public void warning(String line) {
            log.warn(line);
        }
    }
}
