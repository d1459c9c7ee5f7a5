package com.calliyo.lead.status;

import java.util.Map;

import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;

/** A status name or order the pipeline cannot take; answered 400 naming the field. */
class InvalidStatusRequestException extends ApiException {

    InvalidStatusRequestException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, "Invalid request", message, field, Map.of());
    }
}
