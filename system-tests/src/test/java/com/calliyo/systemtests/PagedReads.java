package com.calliyo.systemtests;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Reads through the gateway as a well-behaved client: waiting out the per-user rate limit ({@code Retry-After} on
 * 429), and reading a paged list ({@code ?page=&size=}, answered as {@code {items, page, size, total}}) whole.
 */
final class PagedReads {

    static final int PAGE_SIZE = 100;

    private PagedReads() {
    }

    /**
     * Every item of the list at {@code path} (which may carry its own filters) by its {@code idField}, read twice.
     * A list the service changes while it is read can skip or repeat an item at a page boundary (one that moved up or
     * down a page between two requests), which could hide a stale entry; so the answer is accepted only when each
     * read is whole (every page with the first page's total, as many distinct items as that total, none twice) and
     * both reads are equal. Otherwise it throws, and a caller that polls tries again.
     */
    static Map<String, JsonNode> all(Gateway gateway, String path, String idField) {
        Map<String, JsonNode> first = once(gateway, path, idField);
        Map<String, JsonNode> second = once(gateway, path, idField);
        if (!first.equals(second)) {
            throw new IllegalStateException(path + " changed while it was read (" + first.size() + " then "
                    + second.size() + " items)");
        }
        return first;
    }

    /** A GET that waits out the gateway's rate limit, at most 10 times. */
    static Gateway.Response get(Gateway gateway, String path) {
        Gateway.Response answer = gateway.get(path);
        for (int attempt = 0; answer.status() == 429 && attempt < 10; attempt++) {
            try {
                long seconds = answer.retryAfter() == null ? 1 : Long.parseLong(answer.retryAfter());
                Thread.sleep(1000L * Math.max(1, seconds));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answer;
            }
            answer = gateway.get(path);
        }
        return answer;
    }

    private static Map<String, JsonNode> once(Gateway gateway, String path, String idField) {
        Map<String, JsonNode> items = new LinkedHashMap<>();
        long total = -1;
        for (int page = 0; total < 0 || (long) page * PAGE_SIZE < total; page++) {
            String url = path + (path.contains("?") ? "&" : "?") + "page=" + page + "&size=" + PAGE_SIZE;
            Gateway.Response answer = get(gateway, url);
            if (answer.status() != 200) {
                throw new IllegalStateException(url + ": " + answer.status() + " " + answer.body());
            }
            JsonNode body = answer.json();
            long pageTotal = body.get("total").asLong();
            if (total >= 0 && pageTotal != total) {
                throw new IllegalStateException(path + " changed while it was read (total " + total + ", then "
                        + pageTotal + ")");
            }
            total = pageTotal;
            for (JsonNode item : body.get("items")) {
                if (items.put(item.get(idField).asString(), item) != null) {
                    throw new IllegalStateException(path + " changed while it was read ("
                            + item.get(idField).asString() + " on two pages)");
                }
            }
        }
        if (items.size() != total) {
            throw new IllegalStateException(path + " changed while it was read (" + items.size() + " items, total "
                    + total + ")");
        }
        return items;
    }
}
