package com.calliyo.reporting.facts;

import java.time.Clock;

import com.calliyo.reporting.ReportingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class FactSnapshotsConfig {

    @Bean
    FactSnapshots factSnapshots(FactReader reader, MongoTemplate mongo, ReportingServiceProperties properties) {
        ReportingServiceProperties.Snapshots settings = properties.snapshots();
        return new FactSnapshots(reader, new FactGenerations(mongo), Clock.systemUTC(),
                new FactSnapshots.Settings(settings.maxAge(), settings.longestWrite(), settings.maxFacts()));
    }
}
