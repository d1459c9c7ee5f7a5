package com.calliyo.systemtests;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Percent-encoding for the fuzzer's paths and query strings. */
final class FuzzEncoding {

    private FuzzEncoding() {
    }

    /** A path segment: every reserved character encoded, spaces as %20 (a '+' is literal in a path). */
    static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String queryValue(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
