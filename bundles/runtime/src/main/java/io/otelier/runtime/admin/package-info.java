/**
 * What a running collector offers to its admin extension (bundles/extension-admin) as an OSGi service:
 * reload, live components and pipeline states. Component bundles never use it.
 */
@Export
@Version("0.1.0")
package io.otelier.runtime.admin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
