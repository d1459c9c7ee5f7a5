package com.calliyo.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one service is started: its command line, the environment that points it at the stack, its log file and port,
 * and how it uses class data sharing ({@link ClassDataSharing}).
 */
record ServiceLaunch(String name, List<String> command, Map<String, String> environment, Path logFile, int port,
                     ClassDataSharing.Plan classData) {

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

    /**
     * glibc gives each thread that allocates its own malloc arena (64 MB of address space, several MB resident);
     * two arenas are plenty for a service that idles most of the time and save resident memory in every JVM.
     */
    static final Map<String, String> NATIVE_MEMORY_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    ServiceLaunch {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    /** A launch without class data sharing (e.g. a stub JVM in the tests). */
    ServiceLaunch(String name, List<String> command, Map<String, String> environment, Path logFile, int port) {
        this(name, command, environment, logFile, port, ClassDataSharing.Plan.fatJar(Path.of(name)));
    }

    static ServiceLaunch of(ServiceModule module, LocalStackConfig config, Path logDir,
                            Map<String, String> launcherEnvironment) {
        return of(module, 0, config, logDir, launcherEnvironment);
    }

    /**
     * Instance {@code instance} (from 0): its own port and log ({@code <module>-<instance>.log} after the first); all
     * instances of a module share its class data archive.
     */
    static ServiceLaunch of(ServiceModule module, int instance, LocalStackConfig config, Path logDir,
                            Map<String, String> launcherEnvironment) {
        ClassDataSharing.Plan classData = ClassDataSharing.prepare(module.jar(config.repoRoot()), module.moduleName(),
                launcherEnvironment);
        Map<String, String> env = new LinkedHashMap<>();
        NATIVE_MEMORY_ENVIRONMENT.forEach((key, value) -> env.put(key, launcherEnvironment.getOrDefault(key, value)));
        env.putAll(environment(module, config, launcherEnvironment));
        env.put("SERVER_PORT", Integer.toString(config.servicePort(module, instance)));
        String name = module.instanceName(instance);
        return new ServiceLaunch(name, command(classData, launcherEnvironment), env, logDir.resolve(name + ".log"),
                config.servicePort(module, instance), classData);
    }

    /** The lean flags, then the class data flags, then LOCAL_STACK_SERVICE_JAVA_OPTS (last, so they win). */
    static List<String> command(ClassDataSharing.Plan classData, Map<String, String> launcherEnvironment) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(ChildProcess.SERVICE_JVM_FLAGS);
        command.addAll(classData.flags());
        String extra = launcherEnvironment.getOrDefault(EXTRA_JAVA_OPTS, "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.add("-jar");
        command.add(classData.jar().toString());
        return command;
    }

    /** The same launch with other class data flags (e.g. the archive a training run just recorded). */
    ServiceLaunch withClassData(ClassDataSharing.Plan plan) {
        return new ServiceLaunch(name, withClassDataFlags(plan.flags(), plan.jar()), environment, logFile, port, plan);
    }

    /** This launch's command with the training flags instead of its own class data flags. */
    List<String> trainingCommand() {
        return withClassDataFlags(classData.trainingFlags(), classData.jar());
    }

    /** command = java, lean flags, class data flags, extra options, -jar, jar: swaps the class data flags and jar. */
    private List<String> withClassDataFlags(List<String> flags, Path jar) {
        int before = 1 + ChildProcess.SERVICE_JVM_FLAGS.size();
        List<String> result = new ArrayList<>(command.subList(0, before));
        result.addAll(flags);
        result.addAll(command.subList(before + classData.flags().size(), command.size() - 1));
        result.add(jar.toString());
        return result;
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
    static boolean verifiesLeadServiceTokens(ServiceModule module) {
        return module == ServiceModule.CUSTOMER_SERVICE || module == ServiceModule.ORDER_SERVICE
                || module == ServiceModule.REPORTING_SERVICE || module == ServiceModule.WEBHOOK_SERVICE;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }
}
