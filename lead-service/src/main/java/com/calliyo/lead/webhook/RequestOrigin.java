package com.calliyo.lead.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The host a browser says a request comes from: the {@code Origin} header, or, only when there is none, the host of
 * the {@code Referer}. An opaque origin ({@code Origin: null}, sent by sandboxed frames and local files) has no host.
 */
final class RequestOrigin {

    private RequestOrigin() {
    }

    static Optional<String> host(String origin, String referer) {
        if (origin != null && !origin.isBlank()) {
            return hostOf(origin);
        }
        if (referer != null && !referer.isBlank()) {
            return hostOf(referer);
        }
        return Optional.empty();
    }

    private static Optional<String> hostOf(String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                return Optional.empty();
            }
            return Optional.ofNullable(uri.getHost()).map(host -> host.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
