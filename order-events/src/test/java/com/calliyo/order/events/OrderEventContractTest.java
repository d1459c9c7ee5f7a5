package com.calliyo.order.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every v1 type ships an example and a JSON Schema, and records, examples and schemas agree: the example validates,
 * reads into the record without unknown fields, and the record writes it back unchanged.
 */
class OrderEventContractTest {

    @ParameterizedTest
    @EnumSource(OrderEventType.class)
    void shouldShipAnExampleAndASchemaForEveryType(OrderEventType type) {
        assertThat(Contracts.exists(Contracts.exampleFile(type))).as(Contracts.exampleFile(type)).isTrue();
        assertThat(Contracts.exists(Contracts.schemaFile(type))).as(Contracts.schemaFile(type)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(OrderEventType.class)
    void shouldIdentifyTheSchemaByTheTypesDataSchemaUri(OrderEventType type) {
        JsonNode schema = Contracts.STRICT.readTree(Contracts.read(Contracts.schemaFile(type)));

        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asString()).isEqualTo(type.dataSchema().toString());
        assertThat(schema.path("additionalProperties").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(OrderEventType.class)
    void shouldValidateTheExampleAgainstItsSchema(OrderEventType type) {
        assertThat(Contracts.validate(type, Contracts.example(type))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(OrderEventType.class)
    void shouldRoundTripTheExampleThroughItsRecord(OrderEventType type) {
        String example = Contracts.example(type);

        OrderEvent event = Contracts.STRICT.readValue(example, type.dataClass());
        String written = Contracts.CONSUMER.writeValueAsString(event);

        assertThat(event).isInstanceOf(type.dataClass());
        assertThat(Contracts.validate(type, written)).isEmpty();
        assertThat(Contracts.STRICT.readTree(written)).isEqualTo(Contracts.STRICT.readTree(example));
    }

    @ParameterizedTest
    @EnumSource(OrderEventType.class)
    void shouldAcceptFieldsAddedLaterWithinV1(OrderEventType type) {
        ObjectNode payload = (ObjectNode) Contracts.CONSUMER.readTree(Contracts.example(type));
        payload.put("addedInAMinorRelease", "ignored by v1 consumers");
        ((ObjectNode) payload.get("order")).put("invoiceNumber", "INV-2026-000417");
        String json = Contracts.CONSUMER.writeValueAsString(payload);

        assertThat(Contracts.validate(type, json)).isEmpty();
        assertThat(Contracts.CONSUMER.readValue(json, type.dataClass())).isInstanceOf(type.dataClass());
    }

    @Test
    void shouldShipNoContractFileWithoutAType() throws IOException, URISyntaxException {
        Set<String> expected = Arrays.stream(OrderEventType.values())
                .flatMap(t -> Stream.of(Contracts.exampleFile(t), Contracts.schemaFile(t)))
                .collect(Collectors.toSet());
        Path dir = Path.of(Contracts.class.getClassLoader().getResource(Contracts.DIR).toURI());

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void shouldKeepTheSharedDefinitionsIdenticalInEverySchema() {
        Map<String, JsonNode> first = new HashMap<>();
        Map<String, String> definedIn = new HashMap<>();
        int compared = 0;
        for (OrderEventType type : OrderEventType.values()) {
            JsonNode defs = Contracts.STRICT.readTree(Contracts.read(Contracts.schemaFile(type))).path("$defs");
            for (String name : List.copyOf(defs.propertyNames())) {
                JsonNode seen = first.putIfAbsent(name, defs.get(name));
                definedIn.putIfAbsent(name, type.name());
                if (seen != null) {
                    compared++;
                    assertThat(defs.get(name)).as("$defs/%s in %s differs from %s", name, type, definedIn.get(name))
                            .isEqualTo(seen);
                }
            }
        }
        assertThat(first).containsKeys("Instant", "Money", "PaymentStatus", "TaxBreakdown", "OrderSnapshot");
        assertThat(compared).isPositive();
    }
}
