package io.otelier.helper.http;

/** Upstream's {@code compression_params}: the level (0 = the algorithm's default). */
public record CompressionParams(int level) {

    public static CompressionParams defaults() {
        return new CompressionParams(0);
    }
}
