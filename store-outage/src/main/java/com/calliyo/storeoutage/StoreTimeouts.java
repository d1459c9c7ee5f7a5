package com.calliyo.storeoutage;

import java.util.concurrent.TimeUnit;

import com.mongodb.MongoClientSettings;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.core.Ordered;

/**
 * The driver's defaults wait 30 s to find a server and up to 2 min for a pooled connection, so a request during an
 * outage would hang past the gateway's time limit and end as a 504 or a 500. These settings make it fail fast. They
 * run after Boot's own customizer, so they win over timeouts in {@code spring.mongodb.uri}.
 */
final class StoreTimeouts implements MongoClientSettingsBuilderCustomizer, Ordered {

    private final StoreOutageProperties properties;

    StoreTimeouts(StoreOutageProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(MongoClientSettings.Builder builder) {
        long selection = properties.serverSelectionTimeout().toMillis();
        builder.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(selection, TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(pool -> pool.maxWaitTime(selection, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket
                        .connectTimeout((int) properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
