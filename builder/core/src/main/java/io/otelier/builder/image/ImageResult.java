package io.otelier.builder.image;

import java.nio.file.Path;

/**
 * A built image.
 *
 * @param reference the image's name, as the manifest gives it
 * @param tarball   where its tarball was written, or null
 * @param digest    the manifest's digest ({@code sha256:…})
 * @param imageId   the config's digest, what {@code docker images} shows as the id
 * @param pushed    whether it was pushed to its registry
 */
public record ImageResult(String reference, Path tarball, String digest, String imageId, boolean pushed) {
}
