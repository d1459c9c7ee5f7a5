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

    @GetMapping("/api/settings/configuration")
    ConfigurationBody configuration() {
        return settings.configuration(callers.current());
    }

    @Operation(summary = "Replace the configuration; needs the admin's password in X-Confirm-Password (else 403)")
    @PutMapping("/api/settings/configuration")
    ConfigurationBody change(@RequestBody ConfigurationBody body,
                             @Parameter(description = "the caller's password")
                             @RequestHeader(name = PasswordConfirmation.HEADER, required = false) String password) {
        return settings.change(callers.current(), password, body);
    }
}
