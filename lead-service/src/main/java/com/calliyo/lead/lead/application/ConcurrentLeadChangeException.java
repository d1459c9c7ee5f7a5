package com.calliyo.lead.lead.application;

import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;

/** The lead kept changing underneath this request; the client may retry. */
public class ConcurrentLeadChangeException extends ApiException {

    public ConcurrentLeadChangeException(String leadId) {
        super(HttpStatus.CONFLICT, "Concurrent change",
                "Lead " + leadId + " was changed by another request at the same time; try again");
    }
}
