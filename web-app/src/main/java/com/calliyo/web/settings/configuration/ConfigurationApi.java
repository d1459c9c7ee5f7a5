package com.calliyo.web.settings.configuration;

import java.util.Map;
import java.util.Optional;

import com.calliyo.web.api.ApiException;
import com.calliyo.web.api.GatewayApi;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/** lead-service's company configuration (saved with the admin's password) and its daily jobs. */
@Component
class ConfigurationApi {

    private final GatewayApi api;

    ConfigurationApi(GatewayApi api) {
        this.api = api;
    }

    ConfigurationForm configuration() {
        return ConfigurationForm.of(api.get("/api/settings/configuration",
                new ParameterizedTypeReference<Map<String, Object>>() { }));
    }

    void save(ConfigurationForm form, String password) {
        api.put("/api/settings/configuration", form.body(), Map.class,
                Map.of("X-Confirm-Password", password == null ? "" : password));
    }

    JobRun run(Job job) {
        return api.post("/api/settings/{job}/run", Map.of(), JobRun.class, Map.of(), job.path());
    }

    /** Empty before the job's first run (the API answers 404). */
    Optional<JobRun> lastRun(Job job) {
        try {
            return Optional.ofNullable(api.get("/api/settings/{job}/last-run", JobRun.class, job.path()));
        } catch (ApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
