package com.calliyo.lead.user;

import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;

/** No such user in the caller's company (a foreign user is reported exactly like a missing one). */
class UserNotFoundException extends ApiException {

    UserNotFoundException(String userId) {
        super(HttpStatus.NOT_FOUND, "Not found", "No user with id " + userId);
    }
}
