package io.otelier.receiver.prometheus.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Upstream's {@code TrimPromSuffixes} from {@code pkg/translator/prometheus}, which only the receiver uses (unit words
 * to UCUM are in helper-prometheus, beside the opposite direction).
 */
final class PromTranslation {

    private PromTranslation() {
    }

    /** Removes {@code _total} from sums, then the unit's tokens when the name ends with them. */
    static String trimPromSuffixes(String name, boolean isSum, String unit) {
        List<String> tokens = new ArrayList<>(Arrays.asList(name.split("_", -1)));
        if (tokens.size() == 1) {
            return name;
        }
        if (isSum && tokens.get(tokens.size() - 1).equals("total")) {
            tokens.remove(tokens.size() - 1);
        }
        String[] unitTokens = unit.split("_", -1);
        int l = tokens.size();
        int lu = unitTokens.length;
        if (lu > 0 && l > lu) {
            boolean suffixed = true;
            for (int i = 0; i < lu; i++) {
                if (!tokens.get(l - i - 1).equals(unitTokens[lu - i - 1])) {
                    suffixed = false;
                    break;
                }
            }
            if (suffixed) {
                tokens = tokens.subList(0, l - lu);
            }
        }
        return String.join("_", tokens);
    }
}
