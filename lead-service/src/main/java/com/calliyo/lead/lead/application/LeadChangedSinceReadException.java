package com.calliyo.lead.lead.application;

import java.util.Map;

import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;

/** A PATCH with {@code If-Match} of a version the lead no longer has: another device changed it (a lost update). */
public class LeadChangedSinceReadException extends ApiException {

    public LeadChangedSinceReadException(String leadId, long currentVersion) {
        super(HttpStatus.PRECONDITION_FAILED, "Precondition failed", "Lead " + leadId + " changed since you read it "
                + "(now version " + currentVersion + "); read it again and reapply your change", "If-Match",
                Map.of("currentVersion", currentVersion));
    }
}
