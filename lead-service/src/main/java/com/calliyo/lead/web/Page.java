package com.calliyo.lead.web;

import java.util.List;

/** One page of a list, as every list endpoint answers it: {@code {items, page, size, total}}. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
