package com.calliyo.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * The one-command local run: a real Kafka broker (KRaft, its own JVM), a MongoDB-wire server in this JVM and the seven
 * services as child JVMs, started in that order and stopped in reverse on Ctrl-C. {@link #start(LocalStackConfig)}
 * does the same for tests that want the whole suite.
 */
public final class LocalStack {

    private static final String LAUNCHER_LOGBACK = "com/calliyo/localstack/launcher-logback.xml";

    private LocalStack() {
    }

    public static void main(String[] args) {
        int exitCode = run(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /**
     * Starts the stack and returns once every service reports healthy; otherwise prints and throws
     * {@link LocalStackException} (with the reason, and the end of the failing part's log) after stopping whatever it
     * had started.
     */
    public static RunningStack start(LocalStackConfig config) {
        return new StackStarter(config, System.getenv()).start();
    }

    /**
     * The same with {@code environment} in place of this JVM's (whose {@code CALLIYO_*} variables the services get),
     * e.g. for a test that needs a setting of its own such as {@code CALLIYO_JOBS_TICK}.
     */
    public static RunningStack start(LocalStackConfig config, Map<String, String> environment) {
        return new StackStarter(config, environment).start();
    }

    static int run(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LAUNCHER_LOGBACK);
        }
        CommandLine.Invocation invocation;
        try {
            invocation = CommandLine.parse(args, Path.of("").toAbsolutePath());
        } catch (CommandLine.UsageException | IllegalArgumentException e) {
            Console.error(e.getMessage());
            Console.error("Run with --help to see the options.");
            return 2;
        }
        if (invocation.help()) {
            System.out.println(CommandLine.USAGE);
            return 0;
        }
        RunningStack stack;
        try {
            stack = start(invocation.config());
        } catch (LocalStackException e) {
            return 1; // already reported, before the stop messages
        }
        printSummary(stack);
        try {
            stack.awaitStopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stack.close();
        }
        return 0;
    }

    private static void printSummary(RunningStack stack) {
        StringBuilder summary = new StringBuilder(System.lineSeparator());
        summary.append(String.format("Calliyo is up (%s).%n", Console.seconds(stack.startupTime().toNanos())));
        summary.append(String.format("  %-18s %s%n", "gateway (app, API)", stack.gatewayUrl()));
        for (ServiceModule module : ServiceModule.values()) {
            for (int i = 0; module != ServiceModule.GATEWAY && i < stack.config().instances(module); i++) {
                summary.append(String.format("  %-18s %s%n", module.instanceName(i), stack.serviceUrl(module, i)));
            }
        }
        summary.append(String.format("  %-18s %s%n", "Kafka", stack.kafkaBootstrapServers()));
        summary.append(String.format("  %-18s mongodb://%s%n", "MongoDB", stack.mongoAddress()));
        summary.append(String.format("  %-18s %s%n", "data", stack.config().inMemory()
                ? "in memory (deleted on stop: " + stack.dataDir() + ")" : stack.dataDir()));
        summary.append(String.format("  %-18s %s%n", "logs", stack.logDir()));
        summary.append(String.format(
                "  %-18s POST %s/actuator/signingkeys rotates (user operator, password: $%s or %s)%n", "signing keys",
                stack.serviceUrl(ServiceModule.LEAD_SERVICE), StackSecrets.OPERATOR_PASSWORD,
                stack.dataDir().resolve(StackSecrets.PASSWORD_FILE)));
        summary.append("Press Ctrl-C to stop.");
        System.out.println(summary);
    }
}
