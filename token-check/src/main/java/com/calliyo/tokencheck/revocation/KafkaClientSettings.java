package com.calliyo.tokencheck.revocation;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The settings every Kafka client of a process shares, for the clients built by hand next to Spring Boot's own
 * (the revocation feed, the "kafka" health, web-app's live feed): {@code spring.kafka.bootstrap-servers} and every
 * {@code spring.kafka.properties.*} entry, the way Boot's own factories get them. Without the latter these clients
 * could not sign in where the broker asks for SASL (compose sets {@code SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG}
 * and friends), while the local stack, which sets none, keeps its plain listener.
 */
public final class KafkaClientSettings {

    private KafkaClientSettings() {
    }

    /** A new, mutable map: the caller adds its own client's settings to it. */
    public static Map<String, Object> of(Environment environment) {
        Map<String, Object> settings = new HashMap<>(Binder.get(environment)
                .bind("spring.kafka.properties", Bindable.mapOf(String.class, String.class))
                .orElseGet(Map::of));
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                environment.getProperty("spring.kafka.bootstrap-servers", "localhost:9092"));
        return settings;
    }
}
