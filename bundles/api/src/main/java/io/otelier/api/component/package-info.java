/** Component identity, lifecycle, host access, status reporting and the factory base. */
@Export
@Version("0.1.0")
package io.otelier.api.component;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
