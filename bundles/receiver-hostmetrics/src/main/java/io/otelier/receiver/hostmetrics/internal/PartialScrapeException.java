package io.otelier.receiver.hostmetrics.internal;

import java.io.IOException;

/**
 * Some of a scraper's sources failed but what the others recorded stands (upstream's partial scrape error, for
 * which the scraper still emits its builder): the receiver logs it and sends the rest.
 */
final class PartialScrapeException extends IOException {

    PartialScrapeException(String message, Throwable cause) {
        super(message, cause);
    }
}
