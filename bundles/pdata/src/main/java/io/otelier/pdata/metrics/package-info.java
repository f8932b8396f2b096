/** Metrics and their five kinds of data points. */
@Export
@Version("0.1.0")
package io.otelier.pdata.metrics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
