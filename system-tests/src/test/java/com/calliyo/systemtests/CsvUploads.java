package com.calliyo.systemtests;

import java.util.List;
import java.util.Random;

/**
 * Bodies for the CSV lead import ({@code multipart/form-data} with a {@code file} part): a few rows of valid or
 * hostile cells, broken CSV, the wrong part, a boundary that does not match, or no multipart at all. Small, since
 * every valid upload is imported.
 */
final class CsvUploads {

    private static final String HEADER = "firstName,lastName,phone,email,source,campaign,tags";

    private final Random random;
    private final HostileInput hostile;

    CsvUploads(Random random, HostileInput hostile) {
        this.random = random;
        this.hostile = hostile;
    }

    FuzzBodies.Body next() {
        String boundary = "fuzz" + hostile.hex(16);
        String contentType = "multipart/form-data; boundary=" + boundary;
        return switch (random.nextInt(9)) {
            case 0 -> new FuzzBodies.Body(contentType, multipart(boundary, "file", validCsv()), "valid CSV");
            case 1, 2 -> new FuzzBodies.Body(contentType, multipart(boundary, "file", hostileCsv()), "hostile CSV");
            case 3 -> new FuzzBodies.Body(contentType, multipart(boundary, "upload", validCsv()), "wrong part name");
            case 4 -> new FuzzBodies.Body("multipart/form-data; boundary=other", multipart(boundary, "file",
                    validCsv()), "boundary mismatch");
            case 5 -> new FuzzBodies.Body("multipart/form-data", multipart(boundary, "file", validCsv()),
                    "no boundary");
            case 6 -> new FuzzBodies.Body(contentType, "--" + boundary + "\r\nContent-Disposition: form-da",
                    "truncated multipart");
            case 7 -> new FuzzBodies.Body("application/json", "{\"file\":\"" + HEADER + "\"}", "JSON, not multipart");
            default -> new FuzzBodies.Body(contentType, null, "empty");
        };
    }

    private String validCsv() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int row = 0; row < 1 + random.nextInt(3); row++) {
            csv.append("Fuzz,Row").append(row).append(",+9198").append(10_000_000 + random.nextInt(89_999_999))
                    .append(",fuzz").append(hostile.hex(6)).append("@example.com,fuzz,fuzz-import,a;b\n");
        }
        return csv.toString();
    }

    private String hostileCsv() {
        return switch (random.nextInt(8)) {
            case 0 -> "";
            case 1 -> HEADER + "\n";
            case 2 -> HEADER + "\n\"unclosed,quote,+919812345678\n";
            case 3 -> "\uFEFF" + HEADER + "\n" + cell() + "," + cell() + "," + cell() + "," + cell() + "\n";
            case 4 -> "a,b,c\n1,2,3\n";
            case 5 -> HEADER + "\n" + "x".repeat(20_000) + ",,,,,,\n";
            case 6 -> "\u0000\u0001\u0002binary\u00ff\n";
            default -> HEADER + "\n" + String.join(",", List.of(cell(), cell(), cell(), cell(), cell(), cell(),
                    cell())) + "\n=cmd|'/c calc'!A0,,,,,,\n";
        };
    }

    private String cell() {
        return hostile.string().replace("\"", "\"\"").replace("\n", " ");
    }

    private static String multipart(String boundary, String partName, String content) {
        return "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + partName + "\"; filename=\"leads.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + content + "\r\n"
                + "--" + boundary + "--\r\n";
    }
}
