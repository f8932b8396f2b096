/** Values shared by every signal: attribute values, attributes, resources, scopes and ids. */
@Export
@Version("0.1.0")
package io.otelier.pdata.common;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
