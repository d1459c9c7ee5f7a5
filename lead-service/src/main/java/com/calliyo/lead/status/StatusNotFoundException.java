package com.calliyo.lead.status;

import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;

/** The status does not exist in the caller's company (a foreign status is reported exactly like a missing one). */
class StatusNotFoundException extends ApiException {

    StatusNotFoundException(String statusId) {
        super(HttpStatus.NOT_FOUND, "Not found", "No status with id " + statusId);
    }
}
