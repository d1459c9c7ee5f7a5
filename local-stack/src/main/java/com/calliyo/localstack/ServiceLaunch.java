package com.calliyo.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How one service is started: its command line, the environment that points it at the stack, its log file and port. */
record ServiceLaunch(String name, List<String> command, Map<String, String> environment, Path logFile, int port) {

    /**
     * Passed on from the launcher's environment when set (e.g. CALLIYO_TOKEN_ISSUER); lead-service's secrets
     * ({@link StackSecrets#LEAD_SERVICE_ONLY}) to lead-service only.
     */
    static final String PASS_THROUGH_PREFIX = "CALLIYO_";

    /**
     * Options added after the lean flags of every service JVM, so they win: e.g. {@code -XX:TieredStopAtLevel=4} for
     * full tiered JIT (C1 and C2) in benchmarks, which measure steady state rather than start-up.
     */
    static final String EXTRA_JAVA_OPTS = "LOCAL_STACK_SERVICE_JAVA_OPTS";

    ServiceLaunch {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    static ServiceLaunch of(ServiceModule module, LocalStackConfig config, Path logDir,
                            Map<String, String> launcherEnvironment) {
        return of(module, 0, config, logDir, launcherEnvironment);
    }

    /** Instance {@code instance} (from 0): its own port and log ({@code <module>-<instance>.log} after the first). */
    static ServiceLaunch of(ServiceModule module, int instance, LocalStackConfig config, Path logDir,
                            Map<String, String> launcherEnvironment) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(ChildProcess.SERVICE_JVM_FLAGS);
        String extra = launcherEnvironment.getOrDefault(EXTRA_JAVA_OPTS, "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.add("-jar");
        command.add(module.jar(config.repoRoot()).toString());
        Map<String, String> environment = new LinkedHashMap<>(environment(module, config, launcherEnvironment));
        environment.put("SERVER_PORT", Integer.toString(config.servicePort(module, instance)));
        String name = module.instanceName(instance);
        return new ServiceLaunch(name, command, environment, logDir.resolve(name + ".log"),
                config.servicePort(module, instance));
    }

    static Map<String, String> environment(ServiceModule module, LocalStackConfig config,
                                           Map<String, String> launcherEnvironment) {
        Map<String, String> env = new LinkedHashMap<>();
        launcherEnvironment.forEach((key, value) -> {
            if (key.startsWith(PASS_THROUGH_PREFIX)
                    && (module == ServiceModule.LEAD_SERVICE || !StackSecrets.LEAD_SERVICE_ONLY.contains(key))) {
                env.put(key, value);
            }
        });
        env.putAll(config.telemetry().environment());
        env.put("SERVER_PORT", Integer.toString(config.servicePort(module)));
        env.put("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrapServers());
        module.database().ifPresent(database -> env.put("MONGODB_URI", config.mongoUri(database)));
        if (verifiesLeadServiceTokens(module)) {
            env.put("LEAD_SERVICE_URL", config.serviceUrl(ServiceModule.LEAD_SERVICE));
        }
        if (module == ServiceModule.GATEWAY) {
            env.put("LEAD_SERVICE_URL", config.serviceUrl(ServiceModule.LEAD_SERVICE));
            env.put("CUSTOMER_SERVICE_URL", config.serviceUrl(ServiceModule.CUSTOMER_SERVICE));
            env.put("ORDER_SERVICE_URL", config.serviceUrl(ServiceModule.ORDER_SERVICE));
            env.put("REPORTING_SERVICE_URL", config.serviceUrl(ServiceModule.REPORTING_SERVICE));
            env.put("WEBHOOK_SERVICE_URL", config.serviceUrl(ServiceModule.WEBHOOK_SERVICE));
            env.put("WEB_APP_URL", config.serviceUrl(ServiceModule.WEB_APP));
        }
        ScaleOut.addTo(env, module, config);
        if (module == ServiceModule.WEB_APP) {
            // The web client reaches the suite only through the gateway's public API.
            env.put("GATEWAY_URL", config.serviceUrl(ServiceModule.GATEWAY));
        }
        return env;
    }

    /** These services check access tokens against lead-service's key set ({@code /.well-known/jwks.json}). */
    private static boolean verifiesLeadServiceTokens(ServiceModule module) {
        return module == ServiceModule.CUSTOMER_SERVICE || module == ServiceModule.ORDER_SERVICE
                || module == ServiceModule.REPORTING_SERVICE || module == ServiceModule.WEBHOOK_SERVICE;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }
}
