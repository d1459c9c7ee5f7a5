package com.calliyo.localstack;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The launcher's few options, parsed by hand: {@code --name} flags and {@code --name=value} options only. */
final class CommandLine {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar local-stack/target/local-stack.jar [options]   (or scripts/run-local.sh [options])",
            "",
            "Starts a Kafka broker (KRaft, own JVM), a MongoDB-wire server and the seven Calliyo services,",
            "waits until all are healthy and runs until Ctrl-C.",
            "",
            "  --in-memory           keep nothing: Kafka and logs in a temporary directory, MongoDB in memory",
            "  --data-dir=DIR        where Kafka, MongoDB and the logs keep their files (default: <repo-root>/data)",
            "  --port-offset=N       add N to every port (Kafka 9092/9093, MongoDB 27017, services 8080-8086)",
            "  --repo-root=DIR       the checkout whose <module>/target/<module>.jar files to run (default: .)",
            "  --timeout=SECONDS     how long each part may take to become ready (default: 180)",
            "  --parallel-starts=N   how many services start at the same time (default: 3)",
            "  --replicas=N          N instances of each back-end service (lead, customer, order, reporting,",
            "                        webhook; default 1): instance i on its port + i*100, the gateway balancing",
            "  --kafka-brokers=N     N broker JVMs forming one KRaft quorum (default 1; 3: topics at replication",
            "                        factor 3, min.insync.replicas 2); broker i on 9092/9093 + i*100",
            "  --otlp-endpoint=URL   export every service's traces by OTLP/HTTP to URL",
            "                        (e.g. http://127.0.0.1:4318/v1/traces; default: traces are not exported)",
            "  --json-logs           log JSON lines (Elastic Common Schema, as in compose) instead of plain text",
            "  --help                show this text");

    /** What the command line asks for: the usage text, or a stack with this configuration. */
    record Invocation(boolean help, LocalStackConfig config) {
    }

    /** A command line that cannot be run; the message names the offending argument. */
    static final class UsageException extends RuntimeException {

        UsageException(String message) {
            super(message);
        }
    }

    private CommandLine() {
    }

    static Invocation parse(String[] args, Path workingDir) {
        Path repoRoot = workingDir;
        Path dataDir = null;
        boolean inMemory = false;
        int portOffset = 0;
        Duration timeout = LocalStackConfig.DEFAULT_STARTUP_TIMEOUT;
        int parallelStarts = LocalStackConfig.DEFAULT_PARALLEL_STARTS;
        URI otlpEndpoint = null;
        boolean jsonLogs = false;
        int replicas = 1;
        int kafkaBrokers = 1;
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (name) {
                case "--help", "-h" -> {
                    return new Invocation(true, null);
                }
                case "--in-memory" -> {
                    noValue(name, value);
                    inMemory = true;
                }
                case "--data-dir" -> dataDir = workingDir.resolve(required(name, value, "./data"));
                case "--repo-root" -> repoRoot = workingDir.resolve(required(name, value, "."));
                case "--port-offset" -> portOffset = number(name, value, 0, 10_000, "100");
                case "--timeout" -> timeout = Duration.ofSeconds(number(name, value, 1, 3_600, "300"));
                case "--parallel-starts" -> parallelStarts = number(name, value, 1, ServiceModule.values().length, "2");
                case "--replicas" -> replicas = number(name, value, 1, LocalStackConfig.MAX_REPLICAS, "2");
                case "--kafka-brokers" -> kafkaBrokers = number(name, value, 1, LocalStackConfig.MAX_BROKERS, "3");
                case "--otlp-endpoint" -> otlpEndpoint = httpUrl(name, value);
                case "--json-logs" -> {
                    noValue(name, value);
                    jsonLogs = true;
                }
                default -> throw new UsageException(arg.startsWith("-")
                        ? "Unknown option " + name
                        : "Unexpected argument " + arg + " (options start with --)");
            }
        }
        if (inMemory && dataDir != null) {
            throw new UsageException("--in-memory and --data-dir exclude each other");
        }
        if (!Files.isDirectory(repoRoot)) {
            throw new UsageException("--repo-root " + repoRoot + " is not a directory");
        }
        LocalStackConfig config = LocalStackConfig.builder()
                .repoRoot(repoRoot)
                .dataDir(dataDir)
                .inMemory(inMemory)
                .startupTimeout(timeout)
                .parallelStarts(parallelStarts)
                .telemetry(new Telemetry(otlpEndpoint, jsonLogs))
                .replicas(replicas)
                .kafkaBrokers(kafkaBrokers)
                .build()
                .withPortOffset(portOffset);
        return new Invocation(false, config);
    }

    private static void noValue(String name, String value) {
        if (value != null) {
            throw new UsageException(name + " takes no value");
        }
    }

    private static String required(String name, String value, String example) {
        if (value == null || value.isBlank()) {
            throw new UsageException(name + " needs a value, e.g. " + name + "=" + example);
        }
        return value;
    }

    private static URI httpUrl(String name, String value) {
        String text = required(name, value, "http://127.0.0.1:4318/v1/traces");
        try {
            URI uri = new URI(text.trim());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new UsageException(name + " needs an http(s) URL with a host, not " + text);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException(name + " needs an http(s) URL, not " + text);
        }
    }

    private static int number(String name, String value, int min, int max, String example) {
        String text = required(name, value, example);
        try {
            int number = Integer.parseInt(text.trim());
            if (number < min || number > max) {
                throw new UsageException(name + " must be between " + min + " and " + max + ", not " + number);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs a whole number, e.g. " + name + "=" + example + ", not " + text);
        }
    }
}
