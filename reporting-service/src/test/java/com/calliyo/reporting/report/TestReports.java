package com.calliyo.reporting.report;

import java.time.Clock;
import java.time.Duration;

import com.calliyo.reporting.facts.FactGenerations;
import com.calliyo.reporting.facts.FactReader;
import com.calliyo.reporting.facts.FactSnapshots;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The reports over a store as the service wires them (the settings are the service's defaults). */
final class TestReports {

    private TestReports() {
    }

    static Reports over(MongoTemplate mongo) {
        return new Reports(snapshots(mongo));
    }

    static FactSnapshots snapshots(MongoTemplate mongo) {
        return new FactSnapshots(new FactReader(mongo), new FactGenerations(mongo), Clock.systemUTC(),
                new FactSnapshots.Settings(Duration.ofMinutes(10), Duration.ofMinutes(5), 300_000));
    }
}
