/** Consumers of telemetry, the request context that travels with the data, and error classes. */
@Export
@Version("0.2.0")
package io.otelier.api.consumer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
