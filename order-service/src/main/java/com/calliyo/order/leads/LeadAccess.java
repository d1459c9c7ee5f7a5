package com.calliyo.order.leads;

import java.util.function.Supplier;

import com.calliyo.tokencheck.Caller;
import com.calliyo.tokencheck.Role;
import com.calliyo.order.directory.LeadDirectory;
import com.calliyo.order.directory.LeadDirectoryEntry;
import com.calliyo.order.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * May this caller order for (or see the orders of) this lead? The lead must belong to the caller's company, and an
 * agent may only act on leads assigned to them. Answered from the lead directory when it knows the lead; otherwise
 * (the lead's events have not arrived yet) lead-service is asked with the caller's own token, and it applies the
 * same rules. "No" is 404, as for a lead that does not exist; lead-service unreachable is 503.
 */
@Component
public class LeadAccess {

    private final LeadDirectory directory;
    private final LeadServiceClient leadService;

    LeadAccess(LeadDirectory directory, LeadServiceClient leadService) {
        this.directory = directory;
        this.leadService = leadService;
    }

    public void require(Caller caller, String leadId, String authorization) {
        requireOrNotFound(caller, leadId, authorization,
                () -> ApiException.notFound("Lead " + leadId + " does not exist"));
    }

    /** As {@link #require}, answering "no" with the given error (e.g. "order not found" for an order's lead). */
    public void requireOrNotFound(Caller caller, String leadId, String authorization,
                                  Supplier<ApiException> notFound) {
        if (!canSee(caller, leadId, authorization)) {
            throw notFound.get();
        }
    }

    /** Without a call to lead-service: for reading orders, which exist only for leads the directory may not know. */
    public boolean knownAndVisible(Caller caller, String leadId) {
        return directory.find(caller.companyId(), leadId).map(entry -> visible(caller, entry)).orElse(false);
    }

    private boolean canSee(Caller caller, String leadId, String authorization) {
        var entry = directory.find(caller.companyId(), leadId);
        if (entry.isPresent()) {
            return visible(caller, entry.get());
        }
        try {
            return leadService.canSee(leadId, authorization);
        } catch (LeadServiceUnavailableException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Lead service unavailable",
                    "Lead " + leadId + " could not be checked because lead-service is not answering ("
                            + e.getMessage() + "); try again shortly");
        }
    }

    private static boolean visible(Caller caller, LeadDirectoryEntry entry) {
        return caller.role() != Role.AGENT || caller.userId().equals(entry.assignedTo());
    }
}
