package com.calliyo.tokencheck.servlet;

/**
 * Entity tags of versioned resources: a lead's ETag is its {@code version} ({@code "7"}), so a phone that read it
 * can send {@code If-Match: "7"} with its change and learn of a change made in between (412) instead of overwriting
 * it. Only one ETag per header is understood; the phone sends back the one it got.
 */
public final class VersionTags {

    /** If-Match of no version this API hands out: it can never match. */
    public static final long NEVER = -1;

    private VersionTags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} asks for; null when absent or {@code *} (any version will do). */
    public static Long ifMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
            return NEVER;
        }
        try {
            return Long.parseLong(tag.substring(1, tag.length() - 1));
        } catch (NumberFormatException e) {
            return NEVER;
        }
    }
}
