package com.calliyo.lead.lead.domain;

import java.util.List;

/**
 * What a caller supplies to capture a lead: the phone already normalised to E.164, the tags already in their
 * canonical spelling, and where the lead came from ({@code channel}, and {@code channelRef} naming the webhook key,
 * API key or import when there is one).
 */
public record NewLead(String firstName, String lastName, String phone, String email, List<String> tags,
                      String source, String campaign, CaptureChannel channel, String channelRef) {

    public NewLead {
        tags = tags == null ? List.of() : List.copyOf(tags);
        channel = channel == null ? CaptureChannel.FORM : channel;
    }

    /** A lead typed into the form. */
    public NewLead(String firstName, String lastName, String phone, String email, List<String> tags, String source,
                   String campaign) {
        this(firstName, lastName, phone, email, tags, source, campaign, CaptureChannel.FORM, null);
    }

    /** The same lead with its tags in their canonical spelling. */
    public NewLead withTags(List<String> canonicalTags) {
        return new NewLead(firstName, lastName, phone, email, canonicalTags, source, campaign, channel, channelRef);
    }
}
