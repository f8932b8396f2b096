package io.otelier.helper.http;

import io.otelier.api.consumer.RequestContext;

/**
 * A request as a handler sees it: the body fully read and decoded (as upstream, a decoded request's headers no
 * longer carry Content-Encoding and Content-Length; the metadata in the context still has every header), and the
 * {@link RequestContext} the data should travel with (transport "http", the peer's address, and the headers
 * as metadata when {@code include_metadata} is on).
 *
 * @param path  the request path without the query ("/v1/traces")
 * @param query the raw query string without '?', or ""
 */
public record HttpRequest(String method, String path, String query, Headers headers, byte[] body,
        RequestContext context) {

    /** The media type of Content-Type without parameters, lower-case ("application/x-protobuf"); "" if none. */
    public String mediaType() {
        String type = headers.get("content-type");
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(java.util.Locale.ROOT);
    }
}
