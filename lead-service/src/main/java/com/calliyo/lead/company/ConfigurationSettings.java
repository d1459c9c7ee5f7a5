package com.calliyo.lead.company;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.calliyo.lead.caller.Caller;
import com.calliyo.lead.caller.Role;
import com.calliyo.lead.status.LeadStatus;
import com.calliyo.lead.status.StatusCatalog;
import com.calliyo.lead.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Reads and changes a company's configuration. A change is one compare-and-set on the company document that also
 * appends its {@code settings_changed} event to the document's outbox; a lost race is re-applied on the newer
 * company (the configuration is replaced whole, so re-applying is the same change).
 */
@Service
class ConfigurationSettings {

    private static final int ATTEMPTS = 5;

    private final Companies companies;
    private final StatusCatalog statuses;
    private final PasswordConfirmation passwords;
    private final SettingsEvents events;
    private final Clock clock;

    ConfigurationSettings(Companies companies, StatusCatalog statuses, PasswordConfirmation passwords,
                          SettingsEvents events, Clock clock) {
        this.companies = companies;
        this.statuses = statuses;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    /** As stored, less the auto-assignment statuses deleted since (they would make a PUT of this answer fail). */
    ConfigurationBody configuration(Caller caller) {
        return ConfigurationBody.of(company(caller).configuration().withStatusesIn(statusIds(caller)));
    }

    ConfigurationBody change(Caller caller, String confirmPassword, ConfigurationBody requested) {
        if (!caller.is(Role.ADMIN)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "Only an admin can change the configuration");
        }
        passwords.require(caller, confirmPassword);
        List<LeadStatus> pipeline = statuses.pipeline(caller.companyId());
        Set<String> pipelineIds = pipeline.stream().map(LeadStatus::id).collect(Collectors.toSet());
        Set<String> deletedButSaved = new HashSet<>(company(caller).configuration().autoAssignment().statuses());
        deletedButSaved.removeAll(pipelineIds);
        CompanyConfiguration next = ConfigurationRules.validate(requested, pipeline, deletedButSaved);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Company current = company(caller);
            if (next.equals(current.configuration().withStatusesIn(pipelineIds))) {
                return ConfigurationBody.of(next); // nothing changes: no new version, no event
            }
            Instant now = clock.instant();
            Company changed = current.withConfiguration(next, now);
            if (companies.replace(changed, current.version(),
                    events.settingsChanged(changed, pipeline, caller.userId(), now))) {
                return ConfigurationBody.of(next);
            }
        }
        throw new ApiException(HttpStatus.CONFLICT, "Concurrent change",
                "The company was changed by other requests at the same time; try again");
    }

    private Set<String> statusIds(Caller caller) {
        return statuses.pipeline(caller.companyId()).stream().map(LeadStatus::id).collect(Collectors.toSet());
    }

    private Company company(Caller caller) {
        return companies.find(caller.companyId()).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "Not found", "The company of this token does not exist"));
    }
}
