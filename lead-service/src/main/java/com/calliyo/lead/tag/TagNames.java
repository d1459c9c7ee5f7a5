package com.calliyo.lead.tag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tag names as people type them: trimmed, inner runs of whitespace made one space, and compared case-insensitively
 * ("VIP", " vip " and "Vip" are one tag; the first spelling seen wins).
 */
public final class TagNames {

    public static final int MAX_LENGTH = 50;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SEPARATORS = Pattern.compile("[,;]");

    private TagNames() {
    }

    /** The name as stored: trimmed, whitespace collapsed; empty when there is nothing but whitespace. */
    public static String clean(String raw) {
        return raw == null ? "" : WHITESPACE.matcher(raw.strip()).replaceAll(" ");
    }

    /** What two spellings of one tag have in common. */
    public static String key(String name) {
        return clean(name).toLowerCase(Locale.ROOT);
    }

    /** The distinct, non-empty tags among {@code raw}, in order, each in the first spelling seen. */
    public static List<String> normalise(Collection<String> raw) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String name : raw) {
            String cleaned = clean(name);
            if (!cleaned.isEmpty()) {
                byKey.putIfAbsent(cleaned.toLowerCase(Locale.ROOT), cleaned);
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /** The tags of one CSV cell, separated by commas or semicolons. */
    public static List<String> split(String cell) {
        return cell == null || cell.isBlank() ? List.of() : normalise(List.of(SEPARATORS.split(cell)));
    }
}
