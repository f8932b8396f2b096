package io.otelier.helper.http;

/** A response as the client read it: status, headers, the whole body. */
public record HttpResult(int status, Headers headers, byte[] body) {

    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
