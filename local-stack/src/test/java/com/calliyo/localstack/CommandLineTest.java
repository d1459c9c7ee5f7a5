package com.calliyo.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    @TempDir
    Path workingDir;

    @Test
    void shouldUseTheDefaultsWithoutArguments() {
        LocalStackConfig config = parse().config();

        assertThat(config.repoRoot()).isEqualTo(workingDir);
        assertThat(config.dataDir()).isEqualTo(workingDir.resolve("data"));
        assertThat(config.inMemory()).isFalse();
        assertThat(config.kafkaPort()).isEqualTo(9092);
        assertThat(config.gatewayPort()).isEqualTo(8080);
        assertThat(config.startupTimeout()).isEqualTo(LocalStackConfig.DEFAULT_STARTUP_TIMEOUT);
        assertThat(config.parallelStarts()).isEqualTo(LocalStackConfig.DEFAULT_PARALLEL_STARTS);
    }

    @Test
    void shouldReadEveryOption() {
        LocalStackConfig config = parse("--data-dir=run/data", "--port-offset=100", "--repo-root=.",
                "--timeout=60", "--parallel-starts=1").config();

        assertThat(config.dataDir()).isEqualTo(workingDir.resolve("run/data"));
        assertThat(config.repoRoot()).isEqualTo(workingDir);
        assertThat(config.kafkaPort()).isEqualTo(9192);
        assertThat(config.mongoPort()).isEqualTo(27117);
        assertThat(config.leadServicePort()).isEqualTo(8181);
        assertThat(config.startupTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.parallelStarts()).isEqualTo(1);
    }

    @Test
    void shouldSwitchToMemory() {
        assertThat(parse("--in-memory").config().inMemory()).isTrue();
    }

    @Test
    void shouldAskForHelp() {
        assertThat(parse("--port-offset=1", "--help").help()).isTrue();
        assertThat(CommandLine.USAGE).contains("--in-memory", "--data-dir=DIR", "--port-offset=N", "--repo-root=DIR");
    }

    @Test
    void shouldRejectAnUnknownOption() {
        assertThatThrownBy(() -> parse("--in-memroy"))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessage("Unknown option --in-memroy");
    }

    @Test
    void shouldRejectAPositionalArgument() {
        assertThatThrownBy(() -> parse("start"))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageContaining("Unexpected argument start");
    }

    @Test
    void shouldRejectAnOptionWithoutItsValue() {
        assertThatThrownBy(() -> parse("--data-dir"))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessage("--data-dir needs a value, e.g. --data-dir=./data");
        assertThatThrownBy(() -> parse("--port-offset="))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageContaining("--port-offset needs a value");
    }

    @Test
    void shouldRejectAFlagWithAValue() {
        assertThatThrownBy(() -> parse("--in-memory=yes"))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessage("--in-memory takes no value");
    }

    @Test
    void shouldRejectAnOffsetThatIsNotANumberOrOutOfRange() {
        assertThatThrownBy(() -> parse("--port-offset=ten"))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageContaining("--port-offset needs a whole number");
        assertThatThrownBy(() -> parse("--port-offset=-1"))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageContaining("between 0 and 10000");
        assertThatThrownBy(() -> parse("--parallel-starts=0"))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageContaining("--parallel-starts must be between 1 and 7");
    }

    @Test
    void shouldTakeATracesEndpointAndJsonLogsButNoOtherUrlThanHttp() {
        LocalStackConfig config = parse("--otlp-endpoint=http://127.0.0.1:4318/v1/traces", "--json-logs").config();

        assertThat(config.telemetry()).isEqualTo(new Telemetry(URI.create("http://127.0.0.1:4318/v1/traces"), true));
        assertThat(parse().config().telemetry()).isEqualTo(Telemetry.DEFAULT);
        assertThatThrownBy(() -> parse("--otlp-endpoint=127.0.0.1:4318"))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageContaining("--otlp-endpoint needs an http(s) URL");
        assertThatThrownBy(() -> parse("--json-logs=true"))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessage("--json-logs takes no value");
    }

    @Test
    void shouldRejectMemoryTogetherWithADataDirectory() {
        assertThatThrownBy(() -> parse("--in-memory", "--data-dir=x"))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessage("--in-memory and --data-dir exclude each other");
    }

    @Test
    void shouldRejectARepositoryRootThatIsNoDirectory() {
        assertThatThrownBy(() -> parse("--repo-root=missing"))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageContaining("is not a directory");
    }

    @Test
    void shouldExitWithAUsageCodeOnABadCommandLine() {
        assertThat(LocalStack.run(new String[] {"--bogus"})).isEqualTo(2);
        assertThat(LocalStack.run(new String[] {"--help"})).isZero();
    }

    private CommandLine.Invocation parse(String... args) {
        return CommandLine.parse(args, workingDir);
    }
}
