package com.calliyo.lead.lead.application;

import java.util.Map;

import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;

/** The company already has a lead with this phone (compared in E.164); answered 409 with {@code existingLeadId}. */
public class DuplicateLeadException extends ApiException {

    private final String existingLeadId;

    public DuplicateLeadException(String existingLeadId) {
        super(HttpStatus.CONFLICT, "Duplicate lead", "already belongs to lead " + existingLeadId, "phone",
                Map.of("existingLeadId", existingLeadId));
        this.existingLeadId = existingLeadId;
    }

    public String existingLeadId() {
        return existingLeadId;
    }
}
