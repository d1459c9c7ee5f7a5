package com.calliyo.lead.lead.imports;

import java.util.Map;

import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;

/** The uploaded file cannot be read as a CSV of leads at all (as opposed to a row with a bad value); 400. */
public class MalformedCsvException extends ApiException {

    public MalformedCsvException(String message) {
        super(HttpStatus.BAD_REQUEST, "Malformed CSV file", message, "file", Map.of());
    }
}
