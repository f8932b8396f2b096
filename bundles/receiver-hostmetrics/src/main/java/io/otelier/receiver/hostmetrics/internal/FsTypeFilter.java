package io.otelier.receiver.hostmetrics.internal;

import java.util.List;

/** The filesystem scraper's {@code include_fs_types} / {@code exclude_fs_types}. */
public record FsTypeFilter(List<String> fsTypes, String matchType) {

    public FsTypeFilter {
        fsTypes = fsTypes == null ? List.of() : List.copyOf(fsTypes);
    }
}
