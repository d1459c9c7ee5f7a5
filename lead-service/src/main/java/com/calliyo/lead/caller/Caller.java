package com.calliyo.lead.caller;

/** Who is asking: the company every read and write is scoped to, and the acting user. */
public record Caller(String companyId, String userId) {
}
