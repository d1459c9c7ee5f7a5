package com.calliyo.lead.company;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.Role;
import com.calliyo.lead.config.LeadServiceProperties;
import com.calliyo.lead.shared.InvalidFieldException;
import com.calliyo.lead.shared.PhoneNumbers;
import com.calliyo.lead.status.LeadStatus;
import com.calliyo.lead.status.StatusCatalog;
import com.calliyo.lead.user.User;
import com.calliyo.lead.user.UserService;
import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Signs up companies and keeps their profile. */
@Service
class CompanyService {

    private final Companies companies;
    private final UserService users;
    private final StatusCatalog statuses;
    private final SettingsEvents events;
    private final LeadServiceProperties properties;
    private final Clock clock;

    CompanyService(Companies companies, UserService users, StatusCatalog statuses, SettingsEvents events,
                   LeadServiceProperties properties, Clock clock) {
        this.companies = companies;
        this.users = users;
        this.statuses = statuses;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Creates the company with its default pipeline and configuration, then its first admin, then announces the
     * settings (read models learn the timezone, visibility and order module of the new company). There are no
     * multi-document transactions, so a failure to create the admin removes the company again.
     */
    SignedUp signUp(String companyName, String timezone, String adminName, String adminEmail, String adminPassword) {
        Instant now = clock.instant();
        Company company = new Company(UUID.randomUUID().toString(), companyName.trim(),
                Timezones.require("timezone", timezone), null, null, null, CompanyConfiguration.defaults(), now, now,
                1);
        companies.insert(company);
        User admin;
        try {
            admin = users.createFirstAdmin(company.id(), adminName, adminEmail, adminPassword);
        } catch (RuntimeException e) {
            companies.delete(company.id());
            throw e;
        }
        List<LeadStatus> pipeline = statuses.pipeline(company.id());
        // Same version: the document does not change, only its first settings_changed is appended to the outbox.
        companies.replace(company, company.version(), events.settingsChanged(company, pipeline, admin.id(), now));
        return new SignedUp(company.id(), admin.id());
    }

    CompanyProfile profile(Caller caller) {
        return company(caller).profile();
    }

    CompanyProfile updateProfile(Caller caller, CompanyProfile requested) {
        if (!caller.is(Role.ADMIN)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "Only an admin can change the company profile");
        }
        Company current = company(caller);
        CompanyProfile profile = new CompanyProfile(requested.companyName().trim(), phone(requested.phone()),
                gstin(requested.gstin()), blankToNull(requested.address()),
                Timezones.require("timezone", requested.timezone()));
        Instant now = clock.instant();
        Company changed = current.withProfile(profile, now);
        // Read models need the timezone and the GSTIN (its state code decides CGST + SGST versus IGST).
        if (!companies.replace(changed, current.version(),
                events.settingsChanged(changed, statuses.pipeline(caller.companyId()), caller.userId(), now))) {
            throw new ApiException(HttpStatus.CONFLICT, "Concurrent change",
                    "The company profile was changed by another request at the same time; try again");
        }
        return profile;
    }

    private Company company(Caller caller) {
        // The token names a company that exists; a missing one means it was removed after the token was issued.
        return companies.find(caller.companyId()).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "Not found", "The company of this token does not exist"));
    }

    private String phone(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return PhoneNumbers.toE164(raw, properties.defaultPhoneRegion())
                .orElseThrow(() -> new InvalidFieldException("phone", "is not a valid phone number"));
    }

    private static String gstin(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Gstin.problem(raw).ifPresent(problem -> {
            throw new InvalidGstinException(problem);
        });
        return Gstin.normalise(raw);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    record SignedUp(String companyId, String adminUserId) {
    }
}
