package com.calliyo.lead.company;

import com.calliyo.lead.caller.CallerResolver;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Settings → Configurations (ADMIN: the security rules close {@code /api/settings/**} to other roles). */
@RestController
class ConfigurationController {

    private final ConfigurationSettings settings;
    private final CallerResolver callers;

    ConfigurationController(ConfigurationSettings settings, CallerResolver callers) {
        this.settings = settings;
        this.callers = callers;
    }

    @Operation(summary = "The configuration; autoAssignment.statuses lists only statuses still in the pipeline")
    @GetMapping("/api/settings/configuration")
    ConfigurationBody configuration() {
        return settings.configuration(callers.current());
    }

    @Operation(summary = "Replace the configuration; needs the admin's password in X-Confirm-Password (else 403)",
            description = "An autoAssignment.statuses id of a status deleted since the configuration was saved is "
                    + "dropped, not refused, so a configuration read before the delete can be saved again; any "
                    + "other id that is not a status of the company is a 400 naming autoAssignment.statuses[i]")
    @PutMapping("/api/settings/configuration")
    ConfigurationBody change(@RequestBody ConfigurationBody body,
                             @Parameter(description = "the caller's password")
                             @RequestHeader(name = PasswordConfirmation.HEADER, required = false) String password) {
        return settings.change(callers.current(), password, body);
    }
}
