package com.calliyo.systemtests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whole-list reads against a plain HTTP server that pages a list the test may change between two pages. */
class PagedReadsTest {

    private HttpServer server;
    private final List<String> ids = new CopyOnWriteArrayList<>();
    /** Runs after each page is answered, with that page's number. */
    private volatile IntConsumer afterPage = page -> { };

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/customers", exchange -> {
            Map<String, String> query = parameters(exchange.getRequestURI());
            int page = Integer.parseInt(query.get("page"));
            int size = Integer.parseInt(query.get("size"));
            List<String> snapshot = new ArrayList<>(ids);
            String items = snapshot.stream().skip((long) page * size).limit(size)
                    .map(id -> "{\"leadId\":\"" + id + "\"}").collect(Collectors.joining(","));
            byte[] body = ("{\"items\":[" + items + "],\"page\":" + page + ",\"size\":" + size + ",\"total\":"
                    + snapshot.size() + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            afterPage.accept(page);
        });
        server.start();
        IntStream.range(0, 250).forEach(i -> ids.add("lead-" + i));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldReadEveryPageOfAListThatHoldsStill() {
        Map<String, JsonNode> read = PagedReads.all(gateway(), "/api/customers", "leadId");

        assertThat(read.keySet()).containsExactlyElementsOf(ids);
    }

    /**
     * The case a single read cannot see: one entry leaves page 0 after it was read, so page 1 starts one later and
     * skips an entry, while another is added at the end; the total and the number of distinct entries still agree.
     */
    @Test
    void shouldRefuseAReadThatSkippedAnEntryAtAPageBoundaryWhileTheTotalHeld() {
        afterPage = page -> {
            if (page == 0 && ids.remove("lead-7")) {
                ids.add("lead-new");
            }
        };

        assertThatThrownBy(() -> PagedReads.all(gateway(), "/api/customers", "leadId"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("changed while it was read");
    }

    @Test
    void shouldRefuseAReadWhoseTotalChangedBetweenPages() {
        afterPage = page -> {
            if (page == 1 && ids.size() == 250) {
                ids.add(0, "lead-converted-meanwhile");
            }
        };

        assertThatThrownBy(() -> PagedReads.all(gateway(), "/api/customers", "leadId"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("total 250, then 251");
    }

    private Gateway gateway() {
        return new Gateway("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static Map<String, String> parameters(URI uri) {
        return java.util.Arrays.stream(uri.getQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
    }
}
