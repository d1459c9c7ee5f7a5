package com.calliyo.systemtests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations files are valid on their own: Debian's {@code promtool} (package {@code prometheus}; .ci/run
 * installs it) checks the Prometheus configuration and rules where it exists, and every dashboard queries the data
 * source that Grafana's provisioning declares. That the metrics they name exist is DashboardMetricsIT's part.
 */
class OpsFilesTest {

    @Test
    void shouldPassPromtoolsConfigCheckIncludingItsRuleFile() throws Exception {
        Run check = promtool("check", "config", OpsFiles.PROMETHEUS_CONFIG.toString());
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 1 rule files found");
    }

    @Test
    void shouldPassPromtoolsRulesCheck() throws Exception {
        Run check = promtool("check", "rules", OpsFiles.ALERT_RULES.toString());
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 6 rules found");
    }

    @Test
    void shouldFindTheMetricNamesOfAnExpressionAndNothingElse() {
        assertThat(OpsFiles.metricNames("sum by (application, topic) (increase(calliyo_kafka_dead_letters_total"
                + "{topic=~\"crm.+\"}[10m])) / on(application) group_left max(up{job=\"calliyo\"}) > 0.5"))
                .containsExactly("calliyo_kafka_dead_letters_total", "up");
    }

    @Test
    void shouldQueryTheProvisionedDataSourceFromEveryPanel() {
        Object uid = OpsFiles.map(OpsFiles.list(OpsFiles.yaml(OpsFiles.OPS.resolve(
                "grafana/provisioning/datasources/prometheus.yml")).get("datasources")).get(0)).get("uid");
        List<Path> dashboards = OpsFiles.dashboards();
        assertThat(dashboards).extracting(path -> path.getFileName().toString())
                .containsExactlyInAnyOrder("suite-overview.json", "event-pipeline.json", "business.json", "jvm.json");
        List<String> uids = new ArrayList<>();
        for (Path file : dashboards) {
            JsonNode dashboard = OpsFiles.dashboard(file);
            uids.add(dashboard.get("uid").asString());
            assertThat(dashboard.get("panels")).as(file.toString()).isNotEmpty();
            for (JsonNode panel : dashboard.get("panels")) {
                assertThat(panel.get("datasource").get("uid").asString()).isEqualTo(uid);
                assertThat(panel.get("targets")).as(panel.get("title").asString()).isNotEmpty();
                panel.get("targets").forEach(t -> assertThat(t.get("expr").asString()).isNotBlank());
            }
        }
        assertThat(uids).doesNotHaveDuplicates();
    }

    private record Run(int exitCode, String output) {
    }

    private static Run promtool(String... arguments) throws IOException, InterruptedException {
        Assumptions.assumeTrue(onPath("promtool"), "promtool is not installed (Debian package prometheus)");
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
