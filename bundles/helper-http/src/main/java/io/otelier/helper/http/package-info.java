/**
 * HTTP server and client settings as upstream's {@code config/confighttp} (v0.165 / v1.71) and their
 * implementations: a netty HTTP/1.1 server that hands fully read, decompressed bodies to handlers, and a
 * {@code java.net.http} client that compresses request bodies.
 */
@Export
@Version("0.1.0")
package io.otelier.helper.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
