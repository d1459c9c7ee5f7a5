package com.calliyo.tokencheck.revocation;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-built clients sign in as compose says, through the same variables Spring Boot's own clients read. */
class KafkaClientSettingsTest {

    @Test
    void shouldCarryComposesSaslVariablesAndTheBrokerAddress() {
        Map<String, Object> settings = KafkaClientSettings.of(environment(Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512",
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "ScramLoginModule required username=\"gateway\";")));

        assertThat(settings).containsOnly(
                Map.entry("bootstrap.servers", "kafka:9092"),
                Map.entry("security.protocol", "SASL_PLAINTEXT"),
                Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
                Map.entry("sasl.jaas.config", "ScramLoginModule required username=\"gateway\";"));
    }

    @Test
    void shouldStayPlainOnTheLocalBrokerWhenNothingIsSet() {
        assertThat(KafkaClientSettings.of(environment(Map.of())))
                .containsOnly(Map.entry("bootstrap.servers", "localhost:9092"));
    }

    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return environment;
    }
}
