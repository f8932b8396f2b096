package io.otelier.receiver.prometheus.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * One entry of {@code relabel_configs} / {@code metric_relabel_configs}, applied exactly as Prometheus's
 * {@code relabel.relabel}: the source labels' values joined by the separator are matched against the anchored
 * regex, and the action decides what happens.
 */
record RelabelRule(List<String> sourceLabels, String separator, GoRegex regex, long modulus, String targetLabel,
        String replacement, RelabelAction action) {

    static final String DEFAULT_SEPARATOR = ";";
    static final String DEFAULT_REGEX = "(.*)";
    static final String DEFAULT_REPLACEMENT = "$1";

    RelabelRule {
        sourceLabels = List.copyOf(sourceLabels);
    }

    /** Applies every rule in order; false as soon as one drops the set. */
    static boolean process(LabelsBuilder lb, List<RelabelRule> rules) {
        for (RelabelRule rule : rules) {
            if (!rule.apply(lb)) {
                return false;
            }
        }
        return true;
    }

    /** @return false when the label set must be dropped */
    boolean apply(LabelsBuilder lb) {
        String val = joinedSourceValues(lb);
        switch (action) {
            case DROP:
                return !regex.matches(val);
            case KEEP:
                return regex.matches(val);
            case DROPEQUAL:
                return !lb.get(targetLabel).equals(val);
            case KEEPEQUAL:
                return lb.get(targetLabel).equals(val);
            case REPLACE:
                replace(lb, val);
                return true;
            case LOWERCASE:
                lb.set(targetLabel, val.toLowerCase(Locale.ROOT));
                return true;
            case UPPERCASE:
                lb.set(targetLabel, val.toUpperCase(Locale.ROOT));
                return true;
            case HASHMOD:
                lb.set(targetLabel, hashMod(val, modulus));
                return true;
            case LABELMAP:
                lb.forEachSnapshot((name, value) -> {
                    Matcher m = regex.match(name);
                    if (m != null) {
                        lb.set(GoRegex.expand(replacement, m), value);
                    }
                });
                return true;
            case LABELDROP:
                lb.forEachSnapshot((name, value) -> {
                    if (regex.matches(name)) {
                        lb.delete(name);
                    }
                });
                return true;
            case LABELKEEP:
                lb.forEachSnapshot((name, value) -> {
                    if (!regex.matches(name)) {
                        lb.delete(name);
                    }
                });
                return true;
            default:
                throw new IllegalStateException("unknown relabel action " + action);
        }
    }

    private String joinedSourceValues(LabelsBuilder lb) {
        if (sourceLabels.size() == 1) {
            return lb.get(sourceLabels.get(0));
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sourceLabels.size(); i++) {
            if (i > 0) {
                sb.append(separator);
            }
            sb.append(lb.get(sourceLabels.get(i)));
        }
        return sb.toString();
    }

    private void replace(LabelsBuilder lb, String val) {
        // Prometheus's shortcut: an empty value with the default regex sets the replacement literally
        if (val.isEmpty() && regex.source().equals(DEFAULT_REGEX) && !targetLabel.contains("$")
                && !replacement.contains("$")) {
            lb.set(targetLabel, replacement);
            return;
        }
        Matcher m = regex.match(val);
        if (m == null) {
            return;
        }
        String target = GoRegex.expand(targetLabel, m);
        if (!PromNames.isValidLabelName(target)) {
            return;
        }
        String res = GoRegex.expand(replacement, m);
        if (res.isEmpty()) {
            lb.delete(target);
        } else {
            lb.set(target, res);
        }
    }

    /** The low 8 bytes of the MD5 of the value, big-endian, modulo {@code modulus} (unsigned). */
    static String hashMod(String val, long modulus) {
        byte[] md5;
        try {
            md5 = MessageDigest.getInstance("MD5").digest(val.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no MD5", e);
        }
        long low = 0;
        for (int i = 8; i < 16; i++) {
            low = (low << 8) | (md5[i] & 0xff);
        }
        return Long.toUnsignedString(Long.remainderUnsigned(low, modulus));
    }
}
