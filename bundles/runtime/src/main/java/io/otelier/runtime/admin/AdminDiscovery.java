package io.otelier.runtime.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the command line finds a running collector: its admin extension writes {@code <pid>.json} (endpoint and
 * token file) into a folder private to the user — {@code $XDG_RUNTIME_DIR/otelier}, else
 * {@code /tmp/otelier-<uid>} — created with mode 0700; the token file next to it has mode 0600.
 */
public final class AdminDiscovery {

    /** One running collector's entry. */
    public record Entry(long pid, String endpoint, Path tokenFile) {
    }

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|(\\d+))");

    private AdminDiscovery() {
    }

    /** The discovery folder for this user, from the environment given (tests pass their own). */
    public static Path folder(Map<String, String> env) {
        String xdg = env.get("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isBlank() && Files.isDirectory(Paths.get(xdg))) {
            return Paths.get(xdg, "otelier");
        }
        return Paths.get(System.getProperty("java.io.tmpdir"), "otelier-" + uid());
    }

    private static String uid() {
        try {
            return String.valueOf(Files.getAttribute(Paths.get("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return System.getProperty("user.name", "user");
        }
    }

    /** Creates the folder readable by this user only. */
    public static Path createFolder(Path folder) throws IOException {
        try {
            Files.createDirectories(folder.getParent());
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
            // made by an earlier run or another collector of this user
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(folder);
        }
        return folder;
    }

    /** Writes this process's entry. */
    public static Path write(Path folder, Entry entry) throws IOException {
        Path file = folder.resolve(entry.pid() + ".json");
        String json = "{\"pid\": " + entry.pid() + ", \"endpoint\": \"" + escape(entry.endpoint())
                + "\", \"token_file\": \"" + escape(entry.tokenFile().toString()) + "\"}\n";
        Path tmp = folder.resolve(entry.pid() + ".json.tmp");
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /** The entries of collectors that are still alive; entries of dead processes are removed. */
    public static List<Entry> running(Path folder) throws IOException {
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
            for (Path f : files) {
                Entry e = parse(Files.readString(f, StandardCharsets.UTF_8));
                if (e == null) {
                    continue;
                }
                if (ProcessHandle.of(e.pid()).map(ProcessHandle::isAlive).orElse(false)) {
                    out.add(e);
                } else {
                    Files.deleteIfExists(f);
                }
            }
        }
        out.sort((a, b) -> Long.compare(a.pid(), b.pid()));
        return out;
    }

    static Entry parse(String json) {
        Matcher m = FIELD.matcher(json);
        long pid = -1;
        String endpoint = null;
        String token = null;
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2).replace("\\\"", "\"").replace("\\\\", "\\") : m.group(3);
            switch (m.group(1)) {
                case "pid" -> pid = Long.parseLong(value);
                case "endpoint" -> endpoint = value;
                case "token_file" -> token = value;
                default -> {
                }
            }
        }
        return pid < 0 || endpoint == null || token == null ? null : new Entry(pid, endpoint, Paths.get(token));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
