package com.calliyo.lead.shared;

import java.util.Map;

import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;

/** A request field whose value the service cannot accept; answered as 400 naming the field. */
public class InvalidFieldException extends ApiException {

    public InvalidFieldException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, "Invalid request", message, field, Map.of());
    }
}
