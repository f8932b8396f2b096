package io.otelier.receiver.hostmetrics.internal;

import java.util.List;

/** The process scraper's {@code include} / {@code exclude}: executable {@code names} with a {@code match_type}. */
public record ProcessNameFilter(List<String> names, String matchType) {

    public ProcessNameFilter {
        names = names == null ? List.of() : List.copyOf(names);
    }

    static ProcessNameFilter none() {
        return new ProcessNameFilter(List.of(), null);
    }

    void validate(String field) {
        NameFilter.validate(names, matchType, field, "names", "error creating process " + field + " filters: ");
    }
}
