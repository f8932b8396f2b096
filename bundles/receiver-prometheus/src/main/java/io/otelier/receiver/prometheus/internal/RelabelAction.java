package io.otelier.receiver.prometheus.internal;

import java.util.Locale;

/** Prometheus's relabel actions (model/relabel); names are matched case-insensitively, as Prometheus does. */
enum RelabelAction {
    REPLACE, KEEP, DROP, KEEPEQUAL, DROPEQUAL, HASHMOD, LABELMAP, LABELDROP, LABELKEEP, LOWERCASE, UPPERCASE;

    String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return null when unknown */
    static RelabelAction parse(String s) {
        for (RelabelAction a : values()) {
            if (a.yamlName().equals(s.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        return null;
    }
}
