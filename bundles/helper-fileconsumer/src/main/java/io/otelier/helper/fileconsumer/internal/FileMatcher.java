package io.otelier.helper.fileconsumer.internal;

import io.otelier.helper.fileconsumer.FileConsumerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/** The files to read on one poll: include globs minus exclude globs minus files older than exclude_older_than. */
final class FileMatcher {

    private final List<Glob> include = new ArrayList<>();
    private final List<Glob> exclude = new ArrayList<>();
    private final Duration excludeOlderThan;
    private final LongSupplier clockMillis;

    FileMatcher(FileConsumerConfig config, LongSupplier clockMillis) {
        config.include().forEach(g -> include.add(Glob.compile(g)));
        config.exclude().forEach(g -> exclude.add(Glob.compile(g)));
        this.excludeOlderThan = config.excludeOlderThan();
        this.clockMillis = clockMillis;
    }

    /** Sorted, without duplicates. */
    List<String> match() {
        TreeSet<String> found = new TreeSet<>();
        for (Glob glob : include) {
            for (String path : glob.findFiles()) {
                if (exclude.stream().noneMatch(e -> e.matches(path))) {
                    found.add(path);
                }
            }
        }
        List<String> out = new ArrayList<>(found.size());
        for (String path : found) {
            if (excludeOlderThan.isZero() || isRecent(path)) {
                out.add(path);
            }
        }
        return out;
    }

    private boolean isRecent(String path) {
        try {
            long age = clockMillis.getAsLong() - Files.getLastModifiedTime(Path.of(path)).toMillis();
            return age <= excludeOlderThan.toMillis();
        } catch (IOException e) {
            return false;
        }
    }
}
