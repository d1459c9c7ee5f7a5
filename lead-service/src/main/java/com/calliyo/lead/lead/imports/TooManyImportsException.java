package com.calliyo.lead.lead.imports;

import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;

/** Every background import slot and queue place is taken; the client may try again later. */
public class TooManyImportsException extends ApiException {

    TooManyImportsException() {
        super(HttpStatus.TOO_MANY_REQUESTS, "Too many imports",
                "Too many imports are running or waiting; try again in a minute");
    }
}
