package io.otelier.helper.grpc.internal;

import io.grpc.Codec;
import io.grpc.CompressorRegistry;
import io.grpc.DecompressorRegistry;

/**
 * Compressor and decompressor registries with gzip, zstd and snappy, built per server or channel. grpc's
 * default registries are process-wide singletons; registering into them would let one bundle's codecs outlive
 * it, so every server and channel gets its own.
 */
public final class Compression {

    private Compression() {
    }

    public static CompressorRegistry compressors() {
        CompressorRegistry registry = CompressorRegistry.newEmptyInstance();
        registry.register(Codec.Identity.NONE);
        registry.register(new GzipCodec());
        registry.register(new ZstdCodec(0));
        registry.register(new SnappyCodec());
        return registry;
    }

    /**
     * Decompressors for gzip, zstd and snappy, all advertised in {@code grpc-accept-encoding} as upstream's
     * server does for every registered compressor.
     *
     * @param maxMessageBytes the largest message accepted, which bounds the zstd window; 0 for grpc's default
     */
    public static DecompressorRegistry decompressors(int maxMessageBytes) {
        return DecompressorRegistry.getDefaultInstance()
                .with(new ZstdCodec(maxMessageBytes), true)
                .with(new SnappyCodec(), true);
    }
}
