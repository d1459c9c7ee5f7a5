package com.calliyo.localstack;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the services do with their traces and logs. By default, the local stack's: traces are made (and their ids
 * logged) but sent nowhere, logs are human-readable lines.
 *
 * @param otlpTracesEndpoint an OTLP/HTTP traces URL (e.g. {@code http://127.0.0.1:4318/v1/traces}) every service
 *                           exports its spans to; null: no export
 * @param jsonLogs           one JSON object per log line (Elastic Common Schema), as in compose
 */
public record Telemetry(URI otlpTracesEndpoint, boolean jsonLogs) {

    public static final Telemetry DEFAULT = new Telemetry(null, false);

    /** The services' settings (relaxed-binding environment variables) for this choice; empty for the default. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        if (otlpTracesEndpoint != null) {
            env.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", otlpTracesEndpoint.toString());
            // a short batch delay, so a local trace is visible a second after the request, not five
            env.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "1s");
        }
        if (jsonLogs) {
            env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        }
        return env;
    }
}
