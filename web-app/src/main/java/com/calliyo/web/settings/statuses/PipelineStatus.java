package com.calliyo.web.settings.statuses;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A status as the settings show it: protected ones (Unassigned, Followups, Customer) cannot be renamed or deleted. */
public record PipelineStatus(String id, String name, String kind, @JsonProperty("protected") boolean locked,
                             int position) {
}
