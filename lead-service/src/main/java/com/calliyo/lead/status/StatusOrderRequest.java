package com.calliyo.lead.status;

import java.util.List;

/** The full new order: every status id of the company, each exactly once. */
record StatusOrderRequest(List<String> ids) {
}
