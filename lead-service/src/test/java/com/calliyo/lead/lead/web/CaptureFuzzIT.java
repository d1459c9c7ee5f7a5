package com.calliyo.lead.lead.web;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throws seeded random, truncated and garbage bodies at the capture and import endpoints: whatever comes in, the
 * answer is a success or a 4xx problem+json, never a 5xx. A failure names the seed and the case to replay it.
 */
class CaptureFuzzIT extends CaptureHttpSupport {

    private static final long SEED = 20_260_511L;
    private static final int JSON_CASES = 300;
    private static final int CSV_CASES = 200;
    private static final List<String> FIELDS = List.of("firstName", "lastName", "phone", "email", "tags", "status",
            "source", "campaign");
    private static final String NASTY = "\"\\,;\n\r\t\u0000\u00e9\u20b9\ud83d\ude00<>{}[]'";

    private final Random random = new Random(SEED);
    private final Map<Integer, Integer> statuses = new TreeMap<>();

    @Test
    void shouldNeverAnswer5xxToRandomOrTruncatedJson() throws Exception {
        for (int i = 0; i < JSON_CASES; i++) {
            String lead = i % 6 == 0 ? plausibleLeadJson() : randomLeadJson();
            String body = switch (i % 3) {
                case 0 -> lead;
                case 1 -> lead.substring(0, random.nextInt(lead.length() + 1));
                default -> randomText(random.nextInt(200));
            };
            String[] headers = random.nextInt(5) == 0 ? new String[] {"Idempotency-Key", randomKey()} : new String[0];

            HttpResponse<String> response = postJson("/api/leads", body, headers);

            assertAnswered(response, "json case " + i + ": " + body);
        }
        assertThat(statuses).as("the cases reach both the rules and the parser").containsKeys(201, 400);
    }

    @Test
    void shouldNeverAnswer5xxToRandomOrTruncatedCsv() throws Exception {
        for (int i = 0; i < CSV_CASES; i++) {
            byte[] csv = randomCsv();
            byte[] body = switch (i % 4) {
                case 0, 1 -> csv;
                case 2 -> Arrays.copyOf(csv, random.nextInt(csv.length + 1));
                default -> randomBytes(random.nextInt(2_000));
            };
            String path = random.nextInt(4) == 0 ? "/api/leads/imports" : "/api/leads/imports?dryRun=true";

            HttpResponse<String> response = upload(path, body);

            assertAnswered(response, "csv case " + i + " (" + body.length + " bytes)");
        }
        assertThat(statuses).as("the cases reach both the importer and the file checks").containsKeys(200, 400);
    }

    private void assertAnswered(HttpResponse<String> response, String fuzzCase) {
        statuses.merge(response.statusCode(), 1, Integer::sum);
        assertThat(response.statusCode()).as("seed %d, %s: %s", SEED, fuzzCase, response.body()).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).as(fuzzCase)
                    .hasValue("application/problem+json");
            assertThat(response.body()).as(fuzzCase).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    private String randomLeadJson() {
        StringBuilder json = new StringBuilder("{");
        int fields = random.nextInt(FIELDS.size() + 2);
        for (int f = 0; f < fields; f++) {
            String name = random.nextInt(8) == 0 ? randomText(6) : FIELDS.get(random.nextInt(FIELDS.size()));
            json.append(f == 0 ? "" : ",").append(quote(name)).append(':').append(randomValue(0));
        }
        return json.append('}').toString();
    }

    /** firstName and a phone that may well be valid, plus random other fields: reaches the capture rules. */
    private String plausibleLeadJson() {
        String extra = randomLeadJson();
        return "{\"firstName\":\"Fuzz" + random.nextInt(1000) + "\",\"phone\":\"98" + (10_000_000
                + random.nextInt(89_999_999)) + "\"" + (extra.length() > 2 ? "," + extra.substring(1) : "}");
    }

    private String randomValue(int depth) {
        int kind = random.nextInt(depth > 2 ? 6 : 9);
        return switch (kind) {
            case 0, 1 -> quote(randomPhoneLike());
            case 2, 3 -> quote(randomText(random.nextInt(120)));
            case 4 -> Long.toString(random.nextLong());
            case 5 -> random.nextBoolean() ? "null" : Boolean.toString(random.nextBoolean());
            case 6, 7 -> {
                StringBuilder array = new StringBuilder("[");
                int size = random.nextInt(60);
                for (int i = 0; i < size; i++) {
                    array.append(i == 0 ? "" : ",").append(randomValue(depth + 1));
                }
                yield array.append(']').toString();
            }
            default -> "{" + quote("x") + ":" + randomValue(depth + 1) + "}";
        };
    }

    private String randomPhoneLike() {
        String[] shapes = {"98765 43210", "+91 98765-43210", "09876543210", "+1 202 555 0143", "12", ""};
        String base = shapes[random.nextInt(shapes.length)];
        return random.nextBoolean() ? base : base + randomText(random.nextInt(4));
    }

    private byte[] randomCsv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> header = List.of("FirstName", "lastname", "PHONE", "Email", "status", "Tags", "extra");
        int columns = 1 + random.nextInt(header.size());
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            csv.append(c == 0 ? "" : ",").append(header.get(random.nextInt(header.size())));
        }
        csv.append(random.nextBoolean() ? "\r\n" : "\n");
        int rows = random.nextInt(40);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                String cell = random.nextInt(3) == 0 ? randomPhoneLike() : randomText(random.nextInt(30));
                csv.append(c == 0 ? "" : ",").append(random.nextInt(4) == 0 ? quote(cell) : cell);
            }
            csv.append('\n');
        }
        out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        if (random.nextInt(10) == 0) {
            out.writeBytes(randomBytes(20)); // a stray binary tail
        }
        return out.toByteArray();
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(5) == 0 ? NASTY.charAt(random.nextInt(NASTY.length()))
                    : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private String randomKey() {
        StringBuilder key = new StringBuilder();
        int length = random.nextInt(300);
        for (int i = 0; i < length; i++) {
            key.append((char) (0x21 + random.nextInt(0x5e)));
        }
        return key.length() == 0 ? "k" : key.toString();
    }

    /** A JSON string literal (so that most generated bodies parse and reach the rules). */
    private static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
