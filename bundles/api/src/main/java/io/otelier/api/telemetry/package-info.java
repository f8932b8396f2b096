/** Internal telemetry handed to components: structured logger and counters. */
@Export
@Version("0.1.0")
package io.otelier.api.telemetry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
