package com.calliyo.systemtests;

import java.util.Map;

/**
 * One request the fuzzer sends: who sends it ({@code caller} is ADMIN, MANAGER, AGENT or ANONYMOUS), the path with
 * its query string (percent-encoded), the headers (Content-Type among them) and the body, or null for none;
 * {@code bodyKind} names how the body was made.
 */
record FuzzRequest(OpenApiOperation operation, String caller, String method, String pathAndQuery,
                   Map<String, String> headers, String body, String bodyKind) {

    /** A curl command that sends the same request again ({@code $TOKEN}: the caller's access token). */
    String curl(String gatewayUrl) {
        StringBuilder curl = new StringBuilder("curl -i -X ").append(method).append(" '").append(gatewayUrl)
                .append(pathAndQuery.replace("'", "'\\''")).append('\'');
        if (!caller.equals("ANONYMOUS")) {
            curl.append(" -H \"Authorization: Bearer $TOKEN\"");
        }
        headers.forEach((name, value) -> curl.append(" -H '").append(name).append(": ")
                .append(value.replace("'", "'\\''")).append('\''));
        if (body != null) {
            curl.append(" --data-binary '").append(shorten(body, 2_000).replace("'", "'\\''")).append('\'');
        }
        return curl.toString();
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }

    @Override
    public String toString() {
        return caller + " " + method + " " + shorten(pathAndQuery, 300) + " headers=" + shortHeaders() + " body["
                + bodyKind + "]=" + (body == null ? "none" : shorten(body, 300));
    }

    private String shortHeaders() {
        StringBuilder text = new StringBuilder("{");
        headers.forEach((name, value) -> text.append(text.length() > 1 ? ", " : "").append(name).append('=')
                .append(shorten(value, 80)));
        return text.append('}').toString();
    }
}
