package com.calliyo.lead.status;

import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;

/** Changing the pipeline is an admin's job; managers, agents and API keys may only read it. */
class AdminOnlyException extends ApiException {

    AdminOnlyException() {
        super(HttpStatus.FORBIDDEN, "Forbidden", "Only an admin can change the company's statuses");
    }
}
