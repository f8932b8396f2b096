/** PEM and DER parsing, version and cipher-suite tables, and the SSL context wrapper. Not exported. */
package io.otelier.helper.tls.internal;
