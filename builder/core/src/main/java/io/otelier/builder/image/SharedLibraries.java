package io.otelier.builder.image;

import io.otelier.builder.BuildException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build machine's shared libraries that a set of ELF files needs, as {@code ldd} reports them: each library
 * at the path the loader found it, and the dynamic loader itself. What the image holds is exactly that closure,
 * so the JVM finds its libraries in the image where it found them on the build machine.
 */
final class SharedLibraries {

    /** {@code ldd}'s line for a library: {@code libz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x…)}. */
    private static final Pattern FOUND = Pattern.compile("\\s+(\\S+) => (/\\S+) \\(0x[0-9a-f]+\\)");
    private static final Pattern NOT_FOUND = Pattern.compile("\\s+(\\S+) => not found");
    /** The loader: {@code /lib64/ld-linux-x86-64.so.2 (0x…)}. */
    private static final Pattern LOADER = Pattern.compile("\\s+(/\\S+) \\(0x[0-9a-f]+\\)");
    private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};

    /**
     * What {@code ldd} said.
     *
     * @param found    host path as reported → the files that need it
     * @param notFound library name → the files that need it
     */
    record Report(Map<String, Set<String>> found, Map<String, Set<String>> notFound) {
    }

    private SharedLibraries() {
    }

    static Report ldd(List<Path> files) throws BuildException {
        List<String> command = new ArrayList<>();
        command.add("ldd");
        files.forEach(f -> command.add(f.toString()));
        Commands.Result r = Commands.run(command);
        if (r.status() != 0 && r.stdout().isBlank()) {
            throw new BuildException("ldd failed (exit " + r.status() + "): " + r.stderr().strip());
        }
        return parse(r.stdout(), files.size() == 1 ? files.get(0).toString() : null);
    }

    /**
     * Parses {@code ldd}'s output: for several files each block starts with {@code file:}; for one there is no
     * such line and {@code single} names it.
     */
    static Report parse(String output, String single) {
        Map<String, Set<String>> found = new TreeMap<>();
        Map<String, Set<String>> notFound = new TreeMap<>();
        String current = single;
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0)) && line.endsWith(":")) {
                current = line.substring(0, line.length() - 1);
                continue;
            }
            Matcher m;
            if ((m = FOUND.matcher(line)).matches()) {
                found.computeIfAbsent(Path.of(m.group(2)).normalize().toString(), k -> new TreeSet<>()).add(current);
            } else if ((m = NOT_FOUND.matcher(line)).matches()) {
                notFound.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(current);
            } else if ((m = LOADER.matcher(line)).matches()) {
                found.computeIfAbsent(Path.of(m.group(1)).normalize().toString(), k -> new TreeSet<>()).add(current);
            }
            // linux-vdso.so.1 (no file), "statically linked", "not a dynamic executable": nothing to copy
        }
        return new Report(found, notFound);
    }

    /** Whether {@code file} starts with the ELF magic number. */
    static boolean isElf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), ELF_MAGIC);
        }
    }

    /** {@code found} without the libraries inside {@code runtime} (the JDK's own, reached through its RPATH). */
    static Map<String, Set<String>> outside(Map<String, Set<String>> found, Path runtime) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        Path root = runtime.toAbsolutePath().normalize();
        found.forEach((path, needers) -> {
            if (!Path.of(path).startsWith(root)) {
                out.put(path, needers);
            }
        });
        return out;
    }
}
