package io.otelier.builder.image;

import io.otelier.builder.BuildException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the JDK's and the system's tools (jdeps, jlink, ldd) with their output in files, under a time limit. */
final class Commands {

    private static final long TIMEOUT_SECONDS = 300;

    record Result(int status, String stdout, String stderr) {
    }

    private Commands() {
    }

    static Result run(List<String> command) throws BuildException {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("otelier-image-", ".out");
            err = Files.createTempFile("otelier-image-", ".err");
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new BuildException(command.get(0) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BuildException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildException("interrupted while running " + command.get(0), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** Runs {@code command} and returns its standard output; a non-zero exit is an error quoting stderr. */
    static String output(List<String> command, String what) throws BuildException {
        Result r = run(command);
        if (r.status() != 0) {
            throw new BuildException(what + " failed (" + Path.of(command.get(0)).getFileName() + " exited with "
                    + r.status() + "):\n" + (r.stderr() + r.stdout()).strip());
        }
        return r.stdout();
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a temporary file left behind is harmless
            }
        }
    }
}
