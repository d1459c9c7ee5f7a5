package com.calliyo.lead.events;

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

import org.json.JSONException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every v1 type ships an example and a JSON Schema, and records, examples and schemas agree: the example validates,
 * reads into the record without unknown fields, and the record writes it back unchanged.
 */
class LeadEventContractTest {

    @ParameterizedTest
    @EnumSource(LeadEventType.class)
    void shouldShipAnExampleAndASchemaForEveryType(LeadEventType type) {
        assertThat(Contracts.exists(Contracts.exampleFile(type))).as(Contracts.exampleFile(type)).isTrue();
        assertThat(Contracts.exists(Contracts.schemaFile(type))).as(Contracts.schemaFile(type)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(LeadEventType.class)
    void shouldIdentifyTheSchemaByTheTypesDataSchemaUri(LeadEventType type) {
        JsonNode schema = Contracts.STRICT.readTree(Contracts.read(Contracts.schemaFile(type)));

        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asString()).isEqualTo(type.dataSchema().toString());
        assertThat(schema.path("additionalProperties").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(LeadEventType.class)
    void shouldValidateTheExampleAgainstItsSchema(LeadEventType type) {
        assertThat(Contracts.validate(type, Contracts.example(type))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(LeadEventType.class)
    void shouldRoundTripTheExampleThroughItsRecord(LeadEventType type) throws JSONException {
        String example = Contracts.example(type);

        Object event = Contracts.STRICT.readValue(example, type.dataClass());
        String written = Contracts.CONSUMER.writeValueAsString(event);

        assertThat(event).isInstanceOf(type.dataClass());
        assertThat(Contracts.validate(type, written)).isEmpty();
        JSONAssert.assertEquals("every field of the example comes back unchanged", example, written,
                JSONCompareMode.STRICT_ORDER);
    }

    @ParameterizedTest
    @EnumSource(LeadEventType.class)
    void shouldWriteNothingTheContractDoesNotDeclare(LeadEventType type) {
        String example = Contracts.example(type);

        String written = Contracts.CONSUMER.writeValueAsString(Contracts.STRICT.readValue(example, type.dataClass()));

        assertThat(Contracts.STRICT.readTree(written)).isEqualTo(Contracts.STRICT.readTree(example));
    }

    @ParameterizedTest
    @EnumSource(LeadEventType.class)
    void shouldAcceptFieldsAddedLaterWithinV1(LeadEventType type) {
        ObjectNode payload = (ObjectNode) Contracts.CONSUMER.readTree(Contracts.example(type));
        payload.put("addedInAMinorRelease", "ignored by v1 consumers");
        if (payload.get("lead") instanceof ObjectNode lead) {
            lead.put("leadScore", 87);
        }
        String json = Contracts.CONSUMER.writeValueAsString(payload);

        assertThat(Contracts.validate(type, json)).isEmpty();
        assertThat(Contracts.CONSUMER.readValue(json, type.dataClass())).isInstanceOf(type.dataClass());
    }

    @Test
    void shouldReadAConversionPublishedBeforeTheTimelineBoundAsCarryingTheWholeTimeline() {
        ObjectNode payload = (ObjectNode) Contracts.CONSUMER.readTree(Contracts.example(LeadEventType.CONVERTED));
        payload.remove("timelineTruncated");
        payload.remove("timelineSize");
        String json = Contracts.CONSUMER.writeValueAsString(payload);

        LeadConverted converted = Contracts.CONSUMER.readValue(json, LeadConverted.class);

        assertThat(Contracts.validate(LeadEventType.CONVERTED, json)).isEmpty();
        assertThat(converted.timelineTruncated()).isNull();
        assertThat(converted.carriesWholeTimeline()).isTrue();
    }

    @Test
    void shouldTellATruncatedTimelineApart() {
        ObjectNode payload = (ObjectNode) Contracts.CONSUMER.readTree(Contracts.example(LeadEventType.CONVERTED));
        payload.put("timelineTruncated", true).put("timelineSize", 4200);
        String json = Contracts.CONSUMER.writeValueAsString(payload);

        LeadConverted converted = Contracts.CONSUMER.readValue(json, LeadConverted.class);

        assertThat(Contracts.validate(LeadEventType.CONVERTED, json)).isEmpty();
        assertThat(converted.carriesWholeTimeline()).isFalse();
        assertThat(converted.timelineSize()).isEqualTo(4200);
    }

    @Test
    void shouldShipNoContractFileWithoutAType() throws IOException, URISyntaxException {
        Set<String> expected = Arrays.stream(LeadEventType.values())
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
        for (LeadEventType type : LeadEventType.values()) {
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
        assertThat(first).containsKeys("Instant", "StatusRef", "LeadSnapshot", "TimelineEntry");
        assertThat(compared).isPositive();
    }
}
