package com.calliyo.localstack;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The seven services the stack runs, in start order: the API services, then the web client (it needs only the gateway
 * at request time), then the gateway, which fronts them all.
 */
public enum ServiceModule {

    LEAD_SERVICE("lead-service", "leads"),
    CUSTOMER_SERVICE("customer-service", "customers"),
    ORDER_SERVICE("order-service", "orders"),
    REPORTING_SERVICE("reporting-service", "reporting"),
    WEBHOOK_SERVICE("webhook-service", "webhooks"),
    WEB_APP("web-app", null),
    GATEWAY("gateway", null);

    private final String moduleName;
    private final String database;

    ServiceModule(String moduleName, String database) {
        this.moduleName = moduleName;
        this.database = database;
    }

    /** The Maven module, artifactId and spring.application.name. */
    public String moduleName() {
        return moduleName;
    }

    /** The service's own MongoDB database; empty for the gateway and the web client, which store nothing. */
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    /**
     * Names instance {@code instance} (from 0) in logs, pids and port messages: the module name for the first, as with
     * one instance, then {@code lead-service-1}, {@code lead-service-2}...
     */
    public String instanceName(int instance) {
        return instance == 0 ? moduleName : moduleName + "-" + instance;
    }

    /** {@code <repoRoot>/<module>/target/<module>.jar}, as the module's build names it. */
    public Path jar(Path repoRoot) {
        return repoRoot.resolve(moduleName).resolve("target").resolve(moduleName + ".jar");
    }

    @Override
    public String toString() {
        return moduleName;
    }
}
