package com.calliyo.customer.customers;

import java.util.List;

/** {@code GET /api/customers}: one page of customers, newest conversion first. */
record CustomerPage(List<CustomerSummary> items, int page, int size, long total) {
}
