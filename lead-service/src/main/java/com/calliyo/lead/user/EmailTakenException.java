package com.calliyo.lead.user;

import java.util.Map;

import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;

/** Emails are unique within a company. */
class EmailTakenException extends ApiException {

    EmailTakenException() {
        super(HttpStatus.CONFLICT, "Email already in use", "is already used by another user of this company",
                "email", Map.of());
    }
}
