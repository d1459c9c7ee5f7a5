package com.calliyo.lead.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The example payloads and JSON Schemas shipped on the classpath under {@value #DIR}, one pair per type. */
final class Contracts {

    static final String DIR = "contracts/lead-events/";

    /** Fails on any property the record lacks: proves the examples hold nothing the records do not know. */
    static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** Configured like a consumer (and like Boot's mapper): fields added later within v1 are ignored. */
    static final JsonMapper CONSUMER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private Contracts() {
    }

    static String exampleFile(LeadEventType type) {
        return type.dataClass().getSimpleName() + ".v1.json";
    }

    static String schemaFile(LeadEventType type) {
        return type.dataClass().getSimpleName() + ".v1.schema.json";
    }

    static boolean exists(String file) {
        return Contracts.class.getClassLoader().getResource(DIR + file) != null;
    }

    static String read(String file) {
        try (InputStream in = Contracts.class.getClassLoader().getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("No " + DIR + file + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String example(LeadEventType type) {
        return read(exampleFile(type));
    }

    static JsonSchema schema(LeadEventType type) {
        return SCHEMAS.getSchema(SchemaLocation.of("classpath:" + DIR + schemaFile(type)), CONFIG);
    }

    static Set<ValidationMessage> validate(LeadEventType type, String json) {
        return schema(type).validate(json, InputFormat.JSON);
    }
}
