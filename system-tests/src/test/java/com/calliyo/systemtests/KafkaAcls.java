package com.calliyo.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * ops/kafka/acls.conf and ops/kafka/topics.conf as the kafka-init container applies them, and what each service's
 * code asks of the broker: the topics its {@code @KafkaListener}s read and whether it runs the revocation feed.
 */
final class KafkaAcls {

    static final Path KAFKA = RepoRoot.find().resolve("ops/kafka");
    static final Map<String, String> TOPIC_CONSTANTS = Map.of("LEAD_EVENTS", "crm.lead.events",
            "COMPANY_EVENTS", "crm.company.events", "ORDER_EVENTS", "crm.order.events");
    /** A listener's topic constant, whatever other attributes follow (e.g. {@code batch = "true"}). */
    private static final Pattern LISTENER = Pattern.compile("@KafkaListener\\(topics = \\w+\\.(\\w+)[,)]");

    record Acl(String principal, String operation, String resource, String pattern, String name) {
    }

    private KafkaAcls() {
    }

    static List<Acl> acls() {
        return rows(KAFKA.resolve("acls.conf")).stream()
                .map(row -> new Acl(row[0], row[1], row[2], row[3], row[4])).toList();
    }

    /** Topic name → partitions. */
    static Map<String, Integer> topics() {
        Map<String, Integer> topics = new TreeMap<>();
        rows(KAFKA.resolve("topics.conf")).forEach(row -> topics.put(row[0], Integer.parseInt(row[1])));
        return topics;
    }

    static Set<String> principalsAllowed(String operation, String topic) {
        return acls().stream().filter(acl -> acl.operation().equals(operation) && acl.resource().equals("topic")
                && acl.name().equals(topic)).map(Acl::principal).collect(Collectors.toCollection(TreeSet::new));
    }

    static boolean allows(String principal, String operation, String resource, String pattern, String name) {
        return acls().contains(new Acl(principal, operation, resource, pattern, name));
    }

    /** The topics the {@code @KafkaListener}s in the service's main code read. */
    static Set<String> listenedTopics(String service) {
        Set<String> topics = new TreeSet<>();
        for (String source : mainSources(service)) {
            Matcher listener = LISTENER.matcher(source);
            while (listener.find()) {
                topics.add(TOPIC_CONSTANTS.get(listener.group(1)));
            }
        }
        return topics;
    }

    static boolean runsRevocationFeed(String service) {
        return mainSources(service).stream().anyMatch(source -> source.contains("RevocationFeedConfiguration.class"));
    }

    private static List<String> mainSources(String service) {
        try (Stream<Path> files = Files.walk(RepoRoot.find().resolve(service + "/src/main/java"))) {
            return files.filter(file -> file.toString().endsWith(".java")).map(KafkaAcls::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String[]> rows(Path file) {
        return read(file).lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("\\s+")).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
