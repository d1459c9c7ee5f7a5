package com.calliyo.lead.company;

import java.util.Map;

import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;

/** The contract answers an invalid GSTIN with 422: the body is well-formed, the tax id is not. */
class InvalidGstinException extends ApiException {

    InvalidGstinException(String reason) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid GSTIN", reason, "gstin", Map.of());
    }
}
