package io.otelier.helper.fileconsumer;

/**
 * {@code multiline}: how the byte stream is cut into entries when it is not one entry per line (upstream
 * {@code split.Config}). At most one of the patterns may be set.
 *
 * @param lineStartPattern a regex matching the start of each entry
 * @param lineEndPattern   a regex matching the end of each entry
 * @param omitPattern      drop the matched pattern from the entries
 */
public record MultilineConfig(String lineStartPattern, String lineEndPattern, boolean omitPattern) {

    public MultilineConfig {
        lineStartPattern = lineStartPattern == null ? "" : lineStartPattern;
        lineEndPattern = lineEndPattern == null ? "" : lineEndPattern;
    }

    public static MultilineConfig defaults() {
        return new MultilineConfig("", "", false);
    }
}
