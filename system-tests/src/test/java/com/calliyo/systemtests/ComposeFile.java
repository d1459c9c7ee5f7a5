package com.calliyo.systemtests;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A compose file (docker-compose.yml, docker-compose.cluster.yml) as the compose tests read it: services, their
 * environment (as strings) and dependencies, and the variables it reads from .env.
 */
final class ComposeFile {

    /** {@code ${VAR}}, {@code ${VAR:?message}}, {@code ${VAR:-default}}: group 1 is the name. */
    static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[?-][^}]*)?}");

    private final Map<String, Object> compose;

    ComposeFile(Path file) {
        this.compose = load(file);
    }

    Map<String, Object> services() {
        return map(compose.get("services"));
    }

    Map<String, Object> service(String name) {
        return map(services().get(name));
    }

    Map<String, Object> env(String service) {
        Map<String, Object> env = map(service(service).get("environment"));
        env.replaceAll((k, v) -> String.valueOf(v));
        return env;
    }

    Map<String, Object> dependsOn(String service) {
        Map<String, Object> dependsOn = map(service(service).get("depends_on"));
        dependsOn.replaceAll((k, v) -> map(v).get("condition"));
        return dependsOn;
    }

    /** The names of the variables a compose file reads from the environment (.env). */
    static Set<String> variablesRead(Path file) {
        Set<String> read = new HashSet<>();
        try {
            Matcher variable = VARIABLE.matcher(Files.readString(file));
            while (variable.find()) {
                read.add(variable.group(1));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
        return read;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? new HashMap<>() : new HashMap<>((Map<String, Object>) value);
    }

    static Map<String, Object> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            // the cluster file defines each service once and names it per instance: many more aliases than the
            // parser's default limit of 50 allows
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(500);
            return new Yaml(options).load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }
}
