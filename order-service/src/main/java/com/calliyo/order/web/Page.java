package com.calliyo.order.web;

import java.util.List;

/** One page of a list, as every list endpoint of the suite answers it: {@code {items, page, size, total}}. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
