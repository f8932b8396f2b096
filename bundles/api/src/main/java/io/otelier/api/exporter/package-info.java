/** Exporter SPI. */
@Export
@Version("0.1.0")
package io.otelier.api.exporter;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
