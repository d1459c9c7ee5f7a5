package com.calliyo.lead.status;

/**
 * What the pipeline needs to know about leads: whether a status is still in use before it is deleted. The lead
 * feature's {@code Leads} port provides it, so that status depends on no lead type (lead depends on status, not
 * the reverse).
 */
public interface LeadsInStatus {

    /** How many leads of the company are on the status (whatever name they last stored for it). */
    long countInStatus(String companyId, String statusId);
}
