package com.calliyo.lead.company;

/** What Settings → General shows and saves in one go. */
public record CompanyProfile(String companyName, String phone, String gstin, String address, String timezone) {
}
