package com.calliyo.systemtests;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml as the compose tests read it: services, their environment (as strings) and dependencies. */
final class ComposeFile {

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
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }
}
