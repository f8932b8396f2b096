/** Connector SPI: exporter of one pipeline and receiver of another. */
@Export
@Version("0.1.0")
package io.otelier.api.connector;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
