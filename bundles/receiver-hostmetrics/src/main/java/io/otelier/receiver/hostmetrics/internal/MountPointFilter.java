package io.otelier.receiver.hostmetrics.internal;

import java.util.List;

/** The filesystem scraper's {@code include_mount_points} / {@code exclude_mount_points}. */
public record MountPointFilter(List<String> mountPoints, String matchType) {

    public MountPointFilter {
        mountPoints = mountPoints == null ? List.of() : List.copyOf(mountPoints);
    }
}
