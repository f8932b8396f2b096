package io.otelier.receiver.hostmetrics.internal;

import java.util.List;

/** The disk scraper's {@code include} / {@code exclude}: {@code devices} with a {@code match_type}. */
public record DeviceFilter(List<String> devices, String matchType) {

    public DeviceFilter {
        devices = devices == null ? List.of() : List.copyOf(devices);
    }

    static DeviceFilter none() {
        return new DeviceFilter(List.of(), null);
    }

    void validate(String field) {
        NameFilter.validate(devices, matchType, field, "devices",
                "error creating device " + field + " filters: ");
    }
}
