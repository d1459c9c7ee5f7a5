package com.calliyo.lead.lead.application;

import java.util.List;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.lead.domain.CaptureChannel;

/**
 * A lead as a caller submits it, before phone normalisation and status lookup. {@code channelRef} names the webhook
 * key or API key it came through, when there is one.
 */
public record CaptureLeadCommand(String firstName, String lastName, String phone, String email, List<String> tags,
                                 String status, String source, String campaign, CaptureChannel channel,
                                 String channelRef) {

    /** A lead typed into the form (or sent by a signed-in client). */
    public static CaptureLeadCommand form(String firstName, String lastName, String phone, String email,
                                          List<String> tags, String status, String source, String campaign) {
        return new CaptureLeadCommand(firstName, lastName, phone, email, tags, status, source, campaign,
                CaptureChannel.FORM, null);
    }

    /**
     * The same lead attributed to the channel it really came through: a "form" lead sent with a public API key is
     * an API lead of that key. Other channels (a CSV import run by a key stays a CSV import) are kept.
     */
    CaptureLeadCommand attributedTo(Caller caller) {
        return caller.apiKeyId().filter(keyId -> channel == null || channel == CaptureChannel.FORM)
                .map(keyId -> new CaptureLeadCommand(firstName, lastName, phone, email, tags, status, source,
                        campaign, CaptureChannel.API, keyId))
                .orElse(this);
    }
}
