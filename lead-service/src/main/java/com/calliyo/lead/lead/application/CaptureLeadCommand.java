package com.calliyo.lead.lead.application;

import java.util.List;

/** A lead as a caller submits it, before phone normalisation and status lookup. */
public record CaptureLeadCommand(String firstName, String lastName, String phone, String email, List<String> tags,
                                 String status, String source, String campaign) {
}
