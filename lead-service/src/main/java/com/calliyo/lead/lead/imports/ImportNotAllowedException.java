package com.calliyo.lead.lead.imports;

import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;

/** Only admins and managers import leads; 403. */
public class ImportNotAllowedException extends ApiException {

    ImportNotAllowedException() {
        super(HttpStatus.FORBIDDEN, "Forbidden", "Only admins and managers can import leads");
    }
}
