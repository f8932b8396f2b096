/** The netty pipeline, codecs and CORS rules behind the public API. Not exported. */
package io.otelier.helper.http.internal;
