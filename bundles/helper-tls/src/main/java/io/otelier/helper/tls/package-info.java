/**
 * TLS settings as upstream's {@code config/configtls} (v0.165) and the JSSE objects built from them:
 * key managers from PEM certificates and keys, trust managers from CA bundles, and SSL contexts that apply
 * the configured versions, cipher suites, client authentication and server name to every socket and engine.
 */
@Export
@Version("0.1.0")
package io.otelier.helper.tls;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
