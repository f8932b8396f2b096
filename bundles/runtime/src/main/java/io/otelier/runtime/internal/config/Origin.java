package io.otelier.runtime.internal.config;

/**
 * Where a config value was written: a source as the user named it ({@code config.yaml}, {@code env:OTEL_CONFIG},
 * {@code --set}) and a 1-based line, or 0 when the source has no useful lines (inline {@code yaml:} and
 * {@code --set} values).
 */
public record Origin(String source, int line) {

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line : source;
    }
}
