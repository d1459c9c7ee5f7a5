package com.calliyo.tokencheck.revocation;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health "kafka": the broker answers a cluster description within a few seconds. Spring Boot has no Kafka indicator
 * of its own; every service needs the broker (the revocation feed, its listeners or its outbox relay), so the
 * readiness group includes this one and a service that lost its broker stops taking traffic. One admin client for
 * the process, made at the first check: a client per check would log its whole configuration on every probe. It
 * reconnects by itself after an outage.
 */
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final Map<String, Object> clientSettings;
    private final Duration timeout;
    private Admin admin;

    /** {@code clientSettings}: the address and sign-in of the process' Kafka clients ({@link KafkaClientSettings}). */
    KafkaHealthIndicator(Map<String, Object> clientSettings, Duration timeout) {
        super("Kafka health check failed");
        this.clientSettings = Map.copyOf(clientSettings);
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        int millis = (int) timeout.toMillis();
        DescribeClusterResult cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs(millis));
        String clusterId = cluster.clusterId().get(millis, TimeUnit.MILLISECONDS);
        int nodes = cluster.nodes().get(millis, TimeUnit.MILLISECONDS).size();
        builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
    }

    private synchronized Admin admin() {
        if (admin == null) {
            int millis = (int) timeout.toMillis();
            Map<String, Object> settings = new HashMap<>(clientSettings);
            settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
            settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
            settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "health-check");
            admin = Admin.create(settings);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
