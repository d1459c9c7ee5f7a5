package com.calliyo.systemtests;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Values a careful service must refuse with a 4xx (or take as plain data), never answer with a 500: wrong types,
 * out-of-range and unparseable numbers, impossible dates, injection strings, odd unicode, very long text, and ids
 * that are not ids. Picked with the fuzzer's seeded {@link Random}, so a run replays.
 */
final class HostileInput {

    private static final List<String> STRINGS = List.of(
            "", " ", "\t\n", "null", "undefined", "true", "0", "-1", "NaN",
            "' OR '1'='1", "1; DROP TABLE leads;--", "\" OR \"\"=\"", "admin'--",
            "{\"$gt\":\"\"}", "{\"$ne\":null}", "{\"$where\":\"sleep(1000)\"}", "$where", "$gt", "[$ne]=1",
            ".*", "(", "[", "*", "\\", "a{99999}", "(a+)+$", "?", "%", "%00", "%s%n%x",
            "../../../etc/passwd", "..\\..\\windows", "${jndi:ldap://127.0.0.1:1/x}", "{{7*7}}", "#{7*7}",
            "<script>alert(1)</script>", "Ωμέγα ψ", "𝕳𝖊𝖑𝖑𝖔", "😀😀😀", "\u202eevil", "\u0000", "\u0007bell",
            "e\u0301\u0301\u0301", "ﷺ", "١٢٣", "१२३", "\uFEFFbom", "+91 98765 43210", "not-an-email", "a@", "@b",
            "Asia/Nowhere", "+25:00", "GMT+99", "PENDING ", "paid", "ADMIN\u0000");

    private static final List<String> NUMBERS_AS_TEXT = List.of(
            "-1", "0", "-0", "1", "-2147483649", "2147483647", "2147483648", "9223372036854775807",
            "9223372036854775808", "-9223372036854775809", "99999999999999999999999999", "1.5", "1e3", "1e400",
            "0x10", "abc", "", " 1", "NaN", "Infinity", "१२", "1,000", "+5", "--1");

    /** Raw JSON numbers and literals; several are beyond every Java type, some are not JSON at all. */
    private static final List<String> JSON_NUMBERS = List.of(
            "-1", "0", "-0", "0.5", "-0.01", "2147483648", "-2147483649", "9223372036854775808",
            "-9223372036854775809", "1e308", "1e400", "-1e400", "1E-400", "123456789012345678901234567890.123456789",
            "0.0000000000000000000001", "100000000000000000000000000000000000000000000000000");

    /** Dates that parse but sit at the ends of what java.time (or a Mongo date, in milliseconds) can hold. */
    private static final List<String> EXTREME_DATES = List.of(
            "-999999999-01-01", "+999999999-12-31", "+999999999-01-01", "-999999999-12-31", "+292278994-08-17",
            "9999-12-31", "0001-01-01", "-0001-01-01");

    private static final List<String> DATES = List.of(
            "2024-13-45", "2024-02-30", "2023-02-29", "yesterday", "", "0000-00-00", "1970-01-01", "20240101",
            "2024-1-1",
            "2024-01-01T25:00:00Z", "2024-01-01T00:00:00", "2024-01-01T00:00:00+25:00", "2024-01-01T00:00:00Z",
            "2024-01-01T00:00:00.123456789Z", "+1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z",
            "1e10", "1700000000000", "2024-06-31", "31/12/2024", "2024-12-31T23:59:60Z");

    /** Already percent-encoded: sent in a path exactly as written. */
    private static final List<String> ENCODED_PATH_IDS = List.of(
            "..%2f", "..%2f..%2f..%2fapi%2fusers", "%2e%2e%2f%2e%2e%2f", "%252e%252e%252f", "%00", "%20",
            "..%5c..%5c", "%7B%22%24gt%22%3A%22%22%7D", "%27%20OR%201%3D1--", "%F0%9F%98%80", "%C0%AE%C0%AE",
            "%E2%80%AE", "null", "undefined", "-1", "0", "000000000000000000000000", "ffffffffffffffffffffffff",
            "ObjectId(%22507f1f77bcf86cd799439011%22)", "%3Cscript%3E", "*", "%2A", "...", "%2e");

    private final Random random;

    HostileInput(Random random) {
        this.random = random;
    }

    String string() {
        int roll = random.nextInt(10);
        if (roll == 0) {
            return "x".repeat(300 + random.nextInt(3000));
        }
        if (roll == 1) {
            return unicodeText(1 + random.nextInt(200));
        }
        return pick(STRINGS);
    }

    /** A string for a request body, where the gateway takes up to 1 MB: sometimes far longer than any field. */
    String bodyString() {
        return random.nextInt(12) == 0 ? "y".repeat(50_000 + random.nextInt(200_000)) : string();
    }

    String numberAsText() {
        return pick(NUMBERS_AS_TEXT);
    }

    FuzzJson.Raw jsonNumber() {
        return new FuzzJson.Raw(pick(JSON_NUMBERS));
    }

    String date() {
        return random.nextInt(3) == 0 ? pick(EXTREME_DATES) : pick(DATES);
    }

    /** A path id, percent-encoded: random, ObjectId-like, traversal, injection, or very long. */
    String encodedPathId() {
        return switch (random.nextInt(6)) {
            case 0 -> new UUID(random.nextLong(), random.nextLong()).toString();
            case 1 -> hex(24);
            case 2 -> "a".repeat(500 + random.nextInt(1500));
            case 3 -> FuzzEncoding.pathSegment(string());
            default -> pick(ENCODED_PATH_IDS);
        };
    }

    /** A header value: HTTP allows only visible ASCII (and spaces) there, so the rest is left out. */
    String headerValue() {
        String value = random.nextInt(8) == 0 ? "h".repeat(100 + random.nextInt(3000)) : string();
        String visible = value.replaceAll("[^\\x20-\\x7e]", "").strip();
        return visible.isEmpty() ? "-" : visible;
    }

    /** Any JSON value of a type other than the schema's (and JSON that is not even a value). */
    Object wrongTypeFor(String type) {
        List<Object> candidates = List.of(
                "text", 42, -1, true, false, List.of(), List.of(1, "two", List.of()), Map.of(),
                Map.of("$gt", ""), Map.of("$ne", Map.of()), jsonNumber(),
                new FuzzJson.Raw("\"\\ud800\""), new FuzzJson.Raw("NaN"), new FuzzJson.Raw("undefined"));
        Object candidate;
        do {
            candidate = pick(candidates);
        } while (matchesType(candidate, type));
        return candidate;
    }

    /** Arrays nested far deeper than any parser should follow. */
    FuzzJson.Raw deepNesting() {
        int depth = List.of(600, 2_000, 20_000, 100_000).get(random.nextInt(4));
        return new FuzzJson.Raw(random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
    }

    private static boolean matchesType(Object value, String type) {
        return switch (type) {
            case "string" -> value instanceof String;
            case "integer", "number" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            case "array" -> value instanceof List;
            case "object" -> value instanceof Map;
            default -> false;
        };
    }

    String unicodeText(int length) {
        StringBuilder text = new StringBuilder();
        int[][] blocks = {{0x0900, 0x097F}, {0x0B80, 0x0BFF}, {0x0600, 0x06FF}, {0x4E00, 0x4FFF}, {0x1F600, 0x1F64F},
                {0x0300, 0x036F}, {0x00C0, 0x00FF}, {0x2000, 0x206F}};
        for (int i = 0; i < length; i++) {
            int[] block = blocks[random.nextInt(blocks.length)];
            text.appendCodePoint(block[0] + random.nextInt(block[1] - block[0] + 1));
        }
        return text.toString();
    }

    String hex(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(Character.forDigit(random.nextInt(16), 16));
        }
        return text.toString();
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
