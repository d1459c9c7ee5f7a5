package com.calliyo.webhook.subscription;

import com.calliyo.tokencheck.Caller;
import com.calliyo.tokencheck.Role;
import com.calliyo.tokencheck.servlet.CallerResolver;
import com.calliyo.webhook.web.ApiException;
import org.springframework.stereotype.Component;

/** Webhooks are company settings: every endpoint is for the company's admins only (403 for other roles). */
@Component
public class AdminOnly {

    private final CallerResolver callers;

    AdminOnly(CallerResolver callers) {
        this.callers = callers;
    }

    /** The calling admin; 403 problem for any other role. */
    public Caller admin() {
        Caller caller = callers.current();
        if (caller.role() != Role.ADMIN) {
            throw ApiException.forbidden("Only an admin can manage webhooks");
        }
        return caller;
    }
}
