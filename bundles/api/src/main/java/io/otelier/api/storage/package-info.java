/** Storage capability: key/value clients that extensions (file_storage) offer to components. */
@Export
@Version("0.1.0")
package io.otelier.api.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
