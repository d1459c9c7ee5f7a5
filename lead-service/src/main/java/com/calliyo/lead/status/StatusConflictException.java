package com.calliyo.lead.status;

import java.util.Map;

import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;

/** A pipeline change that the current state of the pipeline (or of the company's leads) does not allow: 409. */
class StatusConflictException extends ApiException {

    private StatusConflictException(String title, String detail, String field, Map<String, Object> properties) {
        super(HttpStatus.CONFLICT, title, detail, field, properties);
    }

    static StatusConflictException nameTaken(String existingName) {
        return new StatusConflictException("Status name taken",
                "is already used by the status \"" + existingName + "\" (names are unique, ignoring case)", "name",
                Map.of());
    }

    static StatusConflictException protectedStatus(LeadStatus status, String action) {
        return new StatusConflictException("Protected status",
                "Status \"" + status.name() + "\" is protected and cannot be " + action, null, Map.of());
    }

    static StatusConflictException inUse(LeadStatus status, long leads) {
        return new StatusConflictException("Status in use", "Status \"" + status.name() + "\" is used by " + leads
                + (leads == 1 ? " lead" : " leads") + "; move them to another status first", null,
                Map.of("leadCount", leads));
    }

    static StatusConflictException concurrentChange() {
        return new StatusConflictException("Concurrent change",
                "The status pipeline kept changing while this request was applied; try again", null, Map.of());
    }
}
