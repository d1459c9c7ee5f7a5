package com.calliyo.lead.company;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A tenant. {@code timezone} is load-bearing: date filters, daily jobs and report days all use it.
 * {@code configuration} holds the defaults a new company starts with (managed from issue 4 on).
 */
@Document(Companies.COLLECTION)
public record Company(@Id String id, String name, String timezone, String phone, String gstin, String address,
                      CompanyConfiguration configuration, Instant createdAt, Instant updatedAt, long version) {

    Company withProfile(CompanyProfile profile, Instant now) {
        return new Company(id, profile.companyName(), profile.timezone(), profile.phone(), profile.gstin(),
                profile.address(), configuration, createdAt, now, version + 1);
    }

    Company withConfiguration(CompanyConfiguration next, Instant now) {
        return new Company(id, name, timezone, phone, gstin, address, next, createdAt, now, version + 1);
    }

    CompanyProfile profile() {
        return new CompanyProfile(name, phone, gstin, address, timezone);
    }
}
