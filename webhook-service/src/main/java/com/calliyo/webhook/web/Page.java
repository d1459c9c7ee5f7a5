package com.calliyo.webhook.web;

import java.util.List;

/** One page of a list, as every list endpoint of the suite answers it: {@code {items, page, size, total}}. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 100;

    /** Checks {@code page} and {@code size} (size 1 to 100) the way the contract asks. */
    public static void check(int page, int size) {
        if (page < 0) {
            throw ApiException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.invalid("size", "must be from 1 to " + MAX_SIZE);
        }
    }
}
