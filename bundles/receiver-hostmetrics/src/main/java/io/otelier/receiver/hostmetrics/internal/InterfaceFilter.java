package io.otelier.receiver.hostmetrics.internal;

import java.util.List;

/** The network scraper's {@code include} / {@code exclude}: {@code interfaces} with a {@code match_type}. */
public record InterfaceFilter(List<String> interfaces, String matchType) {

    public InterfaceFilter {
        interfaces = interfaces == null ? List.of() : List.copyOf(interfaces);
    }

    static InterfaceFilter none() {
        return new InterfaceFilter(List.of(), null);
    }

    void validate(String field) {
        NameFilter.validate(interfaces, matchType, field, "interfaces",
                "error creating network interface " + field + " filters: ");
    }
}
