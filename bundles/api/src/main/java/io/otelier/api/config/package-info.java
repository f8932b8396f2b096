/** The contract between component configs and the runtime: validation and its errors. */
@Export
@Version("0.1.0")
package io.otelier.api.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
