/** Spans: the trace signal of the model. */
@Export
@Version("0.1.0")
package io.otelier.pdata.trace;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
