package io.otelier.receiver.prometheus.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The parts of upstream's {@code pkg/translator/prometheus} the receiver uses: Prometheus unit words to UCUM
 * ({@code UnitWordToUCUM}, with the CorrectUCUMUnits gate off, its default) and {@code TrimPromSuffixes}.
 */
final class PromTranslation {

    private static final Map<String, String> WORD_TO_UCUM = Map.ofEntries(
            Map.entry("days", "d"), Map.entry("hours", "h"), Map.entry("minutes", "min"), Map.entry("seconds", "s"),
            Map.entry("milliseconds", "ms"), Map.entry("microseconds", "us"), Map.entry("nanoseconds", "ns"),
            Map.entry("bytes", "By"), Map.entry("kibibytes", "KiBy"), Map.entry("mebibytes", "MiBy"),
            Map.entry("gibibytes", "GiBy"), Map.entry("tibibytes", "TiBy"), Map.entry("kilobytes", "KBy"),
            Map.entry("megabytes", "MBy"), Map.entry("gigabytes", "GBy"), Map.entry("terabytes", "TBy"),
            Map.entry("meters", "m"), Map.entry("volts", "V"), Map.entry("amperes", "A"), Map.entry("joules", "J"),
            Map.entry("watts", "W"), Map.entry("grams", "g"), Map.entry("celsius", "Cel"), Map.entry("hertz", "Hz"),
            Map.entry("ratio", "1"), Map.entry("percent", "%"));
    private static final Map<String, String> PER_WORD_TO_UCUM = Map.of("second", "s", "minute", "m", "hour", "h",
            "day", "d", "week", "w", "month", "mo", "year", "y");

    private PromTranslation() {
    }

    static String unitWordToUcum(String unit) {
        int per = unit.indexOf("_per_");
        String first = per < 0 ? unit : unit.substring(0, per);
        String ucum = WORD_TO_UCUM.getOrDefault(first, first);
        if (per >= 0) {
            String second = unit.substring(per + "_per_".length());
            if (!second.isEmpty()) {
                ucum += "/" + PER_WORD_TO_UCUM.getOrDefault(second, second);
            }
        }
        return ucum;
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
