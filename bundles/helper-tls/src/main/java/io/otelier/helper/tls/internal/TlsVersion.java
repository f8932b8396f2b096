package io.otelier.helper.tls.internal;

import java.util.ArrayList;
import java.util.List;

/** The TLS versions upstream accepts ("1.0" … "1.3"), in order, with their JSSE protocol names. */
public enum TlsVersion {
    TLS_1_0("1.0", "TLSv1"),
    TLS_1_1("1.1", "TLSv1.1"),
    TLS_1_2("1.2", "TLSv1.2"),
    TLS_1_3("1.3", "TLSv1.3");

    private final String configName;
    private final String jsseName;

    TlsVersion(String configName, String jsseName) {
        this.configName = configName;
        this.jsseName = jsseName;
    }

    public String jsseName() {
        return jsseName;
    }

    /**
     * @param fallback what an empty value means (null: no bound)
     * @throws IllegalArgumentException with upstream's message for an unknown version
     */
    public static TlsVersion parse(String value, TlsVersion fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        for (TlsVersion v : values()) {
            if (v.configName.equals(value)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unsupported TLS version: \"" + value + "\"");
    }

    /** JSSE protocol names from {@code min} to {@code max} (null: the newest), newest first. */
    public static String[] protocols(TlsVersion min, TlsVersion max) {
        List<String> out = new ArrayList<>();
        TlsVersion top = max == null ? TLS_1_3 : max;
        for (int i = top.ordinal(); i >= min.ordinal(); i--) {
            out.add(values()[i].jsseName);
        }
        return out.toArray(String[]::new);
    }
}
