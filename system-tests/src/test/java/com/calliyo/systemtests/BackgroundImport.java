package com.calliyo.systemtests;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CSV import of generated leads started through the gateway in the background ({@code Prefer: respond-async}),
 * for benchmarks that measure interactive work while an import drains. Phones start at a given number so two imports
 * in one company do not collide.
 */
final class BackgroundImport {

    private final Gateway admin;
    private final String location;

    private BackgroundImport(Gateway admin, String location) {
        this.admin = admin;
        this.location = location;
    }

    static BackgroundImport start(Gateway admin, int rows, long firstPhone) {
        String boundary = "bench" + System.nanoTime();
        StringBuilder body = new StringBuilder("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"leads.csv\"\r\n")
                .append("Content-Type: text/csv\r\n\r\n")
                .append("FirstName,LastName,Phone,Email,Status,Tags\n");
        for (int i = 0; i < rows; i++) {
            body.append("Import").append(i).append(",Bench,+91").append(firstPhone + i).append(",import").append(i)
                    .append("@example.com,Unassigned,bench\n");
        }
        body.append("\r\n--").append(boundary).append("--\r\n");
        Gateway.Response accepted = admin.send("POST", "/api/leads/imports", body.toString(), Map.of(
                "Content-Type", "multipart/form-data; boundary=" + boundary, "Prefer", "respond-async"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return new BackgroundImport(admin, accepted.header("Location"));
    }

    /** Rows stored so far, or -1 when the state could not be read. */
    long imported() {
        Gateway.Response state = admin.get(location);
        return state.status() == 200 ? state.json().path("imported").asLong() : -1;
    }

    boolean running() {
        Gateway.Response state = admin.get(location);
        return state.status() != 200 || "RUNNING".equals(state.json().path("state").asText());
    }
}
