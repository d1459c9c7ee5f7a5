package com.calliyo.systemtests;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations files of {@code ops/} as the tests read them: every PromQL expression of the Grafana dashboards and
 * of the Prometheus alert rules, and the metric names those expressions use.
 */
final class OpsFiles {

    static final Path OPS = RepoRoot.find().resolve("ops");
    static final Path PROMETHEUS_CONFIG = OPS.resolve("prometheus/prometheus.yml");
    static final Path ALERT_RULES = OPS.resolve("prometheus/alerts.yml");
    static final Path DASHBOARDS = OPS.resolve("grafana/dashboards");

    /** Words of PromQL that look like names: aggregations, functions used without a call, modifiers. */
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset");
    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without|on|ignoring)\\s*\\([^)]*\\)");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(?![a-zA-Z0-9_:]*\\s*\\()");
    private static final Pattern NUMBER_UNIT = Pattern.compile("\\b\\d+(?:\\.\\d+)?[smhdwy]?\\b");

    private OpsFiles() {
    }

    static List<Path> dashboards() {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode dashboard(Path file) {
        try {
            return JsonMapper.builder().build().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every panel target's {@code expr} of every dashboard, and every rule's {@code expr}. */
    static List<String> expressions() {
        List<String> found = new ArrayList<>();
        for (Path file : dashboards()) {
            for (JsonNode panel : dashboard(file).get("panels")) {
                panel.get("targets").forEach(target -> found.add(target.get("expr").asString()));
            }
        }
        for (Object group : list(yaml(ALERT_RULES).get("groups"))) {
            for (Object rule : list(map(group).get("rules"))) {
                found.add(String.valueOf(map(rule).get("expr")));
            }
        }
        return found;
    }

    /** The metric names an expression selects: what is left once strings, matchers, groupings and calls are gone. */
    static Set<String> metricNames(String expression) {
        String bare = QUOTED.matcher(expression).replaceAll("\"\"");
        bare = MATCHERS.matcher(bare).replaceAll(" ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        bare = RANGE.matcher(bare).replaceAll(" ");
        bare = NUMBER_UNIT.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = NAME.matcher(bare);
        while (matcher.find()) {
            if (!KEYWORDS.contains(matcher.group())) {
                names.add(matcher.group());
            }
        }
        return names;
    }

    static Map<String, Object> yaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
