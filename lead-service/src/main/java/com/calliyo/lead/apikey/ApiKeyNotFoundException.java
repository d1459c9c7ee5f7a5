package com.calliyo.lead.apikey;

import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;

/** No active API key with this id in the caller's company (foreign and revoked keys look the same). */
class ApiKeyNotFoundException extends ApiException {

    ApiKeyNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, "Not found", "No API key with id " + id);
    }
}
