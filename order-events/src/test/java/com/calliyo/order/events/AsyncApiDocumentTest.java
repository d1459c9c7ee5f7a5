package com.calliyo.order.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docs/asyncapi.yaml} describes every type of this contract as a message on its topic and its dead-letter
 * twin, with the schema file this module ships, and none of its references dangle.
 */
class AsyncApiDocumentTest {

    private static final Path DOC = Path.of("..", "docs", "asyncapi.yaml");
    private static final Path CONTRACTS = Path.of("src", "main", "resources", Contracts.DIR);

    private static Map<String, Object> doc;

    @BeforeAll
    static void load() throws IOException {
        try (Reader reader = Files.newBufferedReader(DOC)) {
            doc = new Yaml().load(reader);
        }
    }

    @Test
    void shouldBeAnAsyncApi3DocumentWithTheLocalBroker() {
        assertThat(doc.get("asyncapi")).isEqualTo("3.0.0");
        assertThat(map(map(doc, "servers"), "local")).containsEntry("host", "127.0.0.1:9092")
                .containsEntry("protocol", "kafka");
    }

    @ParameterizedTest
    @EnumSource(OrderEventType.class)
    void shouldDescribeTheTypeAsAMessageWithItsSchema(OrderEventType type) throws IOException {
        Map<String, Object> message = map(map(map(doc, "components"), "messages"), messageId(type));

        Map<String, Object> payload = map(message, "payload");
        assertThat(payload.get("schemaFormat")).isEqualTo("application/schema+json;version=draft-2020-12");
        Path schema = DOC.getParent().resolve((String) map(payload, "schema").get("$ref"));
        assertThat(schema).isRegularFile();
        assertThat(Files.isSameFile(schema, CONTRACTS.resolve(Contracts.schemaFile(type)))).isTrue();
        assertThat(headerConst(message, "ce_type")).isEqualTo(type.type());
        assertThat(headerConst(message, "ce_dataschema")).isEqualTo(type.dataSchema().toString());
    }

    @ParameterizedTest
    @EnumSource(OrderEventType.class)
    void shouldListTheTypeOnItsTopicAndItsDeadLetterTwin(OrderEventType type) {
        String ref = "#/components/messages/" + messageId(type);

        assertThat(messageRefsOfChannelAt(OrderEventTopics.ORDER_EVENTS)).contains(ref);
        assertThat(messageRefsOfChannelAt(OrderEventTopics.ORDER_EVENTS_DLT)).contains(ref);
    }

    @Test
    void shouldPointEveryReferenceAtSomethingThatExists() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);

        assertThat(refs).hasSizeGreaterThan(OrderEventType.values().length);
        for (String ref : refs) {
            if (ref.startsWith("#/")) {
                assertThat(resolvePointer(ref)).as(ref).isNotNull();
            } else {
                assertThat(DOC.getParent().resolve(ref.split("#", 2)[0])).as(ref).isRegularFile();
            }
        }
    }

    /** The id under components/messages of the message whose {@code name} is the CloudEvents type. */
    private static String messageId(OrderEventType type) {
        return map(map(doc, "components"), "messages").entrySet().stream()
                .filter(e -> type.type().equals(((Map<?, ?>) e.getValue()).get("name")))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No message named " + type.type()));
    }

    private static Object headerConst(Map<String, Object> message, String header) {
        for (Object part : list(map(message, "headers"), "allOf")) {
            Object properties = ((Map<?, ?>) part).get("properties");
            if (properties instanceof Map<?, ?> props && props.get(header) instanceof Map<?, ?> h
                    && h.containsKey("const")) {
                return h.get("const");
            }
        }
        return null;
    }

    private static List<Object> messageRefsOfChannelAt(String address) {
        Map<String, Object> channel = map(doc, "channels").values().stream()
                .map(AsyncApiDocumentTest::asMap)
                .filter(c -> address.equals(c.get("address")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No channel with address " + address));
        return map(channel, "messages").values().stream().map(m -> asMap(m).get("$ref")).toList();
    }

    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof Map<?, ?> m) {
            if (m.get("$ref") instanceof String ref) {
                refs.add(ref);
            }
            m.values().forEach(v -> collectRefs(v, refs));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectRefs(v, refs));
        }
    }

    private static Object resolvePointer(String ref) {
        Object node = doc;
        for (String token : ref.substring(2).split("/")) {
            String key = token.replace("~1", "/").replace("~0", "~");
            if (!(node instanceof Map<?, ?> m) || !m.containsKey(key)) {
                return null;
            }
            node = m.get(key);
        }
        return node;
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).as("has %s", key).containsKey(key);
        return asMap(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> parent, String key) {
        assertThat(parent).as("has %s", key).containsKey(key);
        return (List<Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
