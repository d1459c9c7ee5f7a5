package com.calliyo.lead.lead.domain;

/** The company already has a lead with this phone; the store refused a second one. */
public class DuplicatePhoneException extends RuntimeException {

    private final String companyId;
    private final String phone;

    public DuplicatePhoneException(String companyId, String phone) {
        super("Company " + companyId + " already has a lead with phone " + phone);
        this.companyId = companyId;
        this.phone = phone;
    }

    public String companyId() {
        return companyId;
    }

    public String phone() {
        return phone;
    }
}
