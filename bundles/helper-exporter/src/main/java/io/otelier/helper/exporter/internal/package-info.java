/** The helper's stages, the bounded queue and the backoff. Not exported. */
package io.otelier.helper.exporter.internal;
