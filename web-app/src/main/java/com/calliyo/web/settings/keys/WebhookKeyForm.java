package com.calliyo.web.settings.keys;

/** "Create webhook key" as typed: domains and tags comma separated, the default status by id (blank: Unassigned). */
public record WebhookKeyForm(String name, String allowedDomains, String honeypotField, String defaultStatus,
                             String defaultTags) {

    static WebhookKeyForm blank() {
        return new WebhookKeyForm("", "", "", "", "");
    }
}
