package io.otelier.receiver.hostmetrics.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The mounted filesystems as gopsutil's disk.Partitions lists them on Linux (mountinfo of pid 1, else self). */
final class Partitions {

    record Partition(String device, String mountpoint, String fsType, List<String> opts) {

        /** Upstream's mode attribute: rw, ro or unknown. */
        String mode() {
            return opts.contains("rw") ? "rw" : opts.contains("ro") ? "ro" : "unknown";
        }
    }

    private final Path root;
    private final Path proc;

    /** @param rootPath the host's root as configured ("" for "/") */
    Partitions(String rootPath) {
        this.root = Path.of(rootPath == null || rootPath.isEmpty() ? "/" : rootPath);
        this.proc = root.resolve("proc");
    }

    /** @param all also virtual filesystems (those /proc/filesystems marks nodev, zfs aside) and bind mounts */
    List<Partition> list(boolean all) throws IOException {
        List<String> lines = null;
        boolean mounts = false;
        IOException failure = null;
        // pid 1's view first (the host's when the collector runs in a container with the host's /proc)
        for (String file : List.of("1/mountinfo", "1/mounts", "self/mountinfo", "self/mounts")) {
            try {
                lines = Files.readAllLines(proc.resolve(file));
                mounts = file.endsWith("mounts");
                break;
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (lines == null) {
            throw failure;
        }
        List<String> real;
        try {
            real = realFileSystems();
        } catch (IOException e) {
            if (!all) {
                throw e;
            }
            real = List.of();
        }
        return mounts ? fromMounts(lines, all, real) : fromMountinfo(lines, all, real);
    }

    private List<String> realFileSystems() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(proc.resolve("filesystems"))) {
            if (!line.startsWith("nodev")) {
                out.add(line.trim());
            } else {
                String[] t = line.split("\t");
                if (t.length == 2 && t[1].equals("zfs")) {
                    out.add(t[1].trim());
                }
            }
        }
        return out;
    }

    private static List<Partition> fromMounts(List<String> lines, boolean all, List<String> real) {
        List<Partition> out = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 4) {
                continue;
            }
            if (!all && (f[0].equals("none") || !real.contains(f[2]))) {
                continue;
            }
            out.add(new Partition(f[0], unescape(f[1]), f[2], List.of(f[3].split(","))));
        }
        return out;
    }

    private List<Partition> fromMountinfo(List<String> lines, boolean all, List<String> real) throws IOException {
        List<Partition> out = new ArrayList<>();
        Map<String, String> seenDevIds = new HashMap<>();
        for (String line : lines) {
            String[] parts = line.split(" - ", 2);
            if (parts.length != 2) {
                throw new IOException("found invalid mountinfo line (bad parts len): " + line);
            }
            String[] f = parts[0].trim().split("\\s+");
            String[] g = parts[1].trim().split("\\s+");
            if (f.length < 5 || g.length < 2) {
                throw new IOException("found invalid mountinfo line (bad fields len): " + line);
            }
            String blockDeviceId = f[2];
            String rootDir = f[3];
            List<String> superOpts = g.length >= 3 ? List.of(g[2].split(",")) : List.of();
            List<String> opts = effectiveOpts(f.length >= 6 ? List.of(f[5].split(",")) : List.of(), superOpts);
            String fsType = g[0];
            String source = g[1];
            if (!all && !real.contains(fsType)) {
                continue;
            }
            String device = source.startsWith("/") || rootDir.equals("/") ? source : rootDir;
            if (seenDevIds.containsKey(blockDeviceId)) {
                device = seenDevIds.get(blockDeviceId);
            }
            boolean subvolume = superOpts.stream().filter(o -> o.startsWith("subvol=")).findFirst()
                    .map(o -> rootDir.equals(o.substring(7))).orElse(false);
            boolean bind = source.startsWith("/") && !rootDir.equals("/") && !subvolume;
            if (bind) {
                opts = new ArrayList<>(opts);
                opts.add("bind");
            }
            seenDevIds.putIfAbsent(blockDeviceId, device);
            if (!all && bind) {
                continue;
            }
            out.add(new Partition(resolveDevice(device, blockDeviceId), unescape(f[4]), fsType, List.copyOf(opts)));
        }
        return out;
    }

    /** /dev/mapper links resolved to their target; /dev/root named after its block device, as gopsutil does. */
    private String resolveDevice(String device, String blockDeviceId) {
        try {
            if (device.startsWith("/dev/mapper/")) {
                return root.resolve(device.substring(1)).toRealPath().toString();
            }
            if (device.equals("/dev/root")) {
                Path link = Files.readSymbolicLink(root.resolve("sys/dev/block").resolve(blockDeviceId));
                return "/dev/" + link.getFileName();
            }
        } catch (IOException | UnsupportedOperationException e) {
            // gopsutil keeps the name it has
        }
        return device;
    }

    /** The mount is writable only when both the mount's and the superblock's options say so. */
    private static List<String> effectiveOpts(List<String> mountOpts, List<String> superOpts) {
        String mode = mountOpts.contains("ro") || superOpts.contains("ro") ? "ro"
                : mountOpts.contains("rw") && superOpts.contains("rw") ? "rw" : "";
        if (mode.isEmpty()) {
            return mountOpts;
        }
        List<String> out = new ArrayList<>();
        boolean set = false;
        for (String opt : mountOpts) {
            if (opt.equals("ro") || opt.equals("rw")) {
                if (!set) {
                    out.add(mode);
                    set = true;
                }
            } else {
                out.add(opt);
            }
        }
        if (!set) {
            out.add(0, mode);
        }
        return out;
    }

    /** Octal escapes of fstab/mountinfo (\040 for a space …). */
    static String unescape(String path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' && i + 3 < path.length() && path.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                out.append((char) Integer.parseInt(path.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
