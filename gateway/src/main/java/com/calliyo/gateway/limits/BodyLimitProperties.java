package com.calliyo.gateway.limits;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body the gateway passes on.
 *
 * @param max    for every route not listed in {@code larger}
 * @param larger paths (patterns) that take bigger bodies, such as the CSV import
 */
@ConfigurationProperties("gateway.body-limit")
public record BodyLimitProperties(DataSize max, List<PathLimit> larger) {

    public BodyLimitProperties {
        max = max == null ? DataSize.ofMegabytes(1) : max;
        larger = larger == null ? List.of() : List.copyOf(larger);
    }

    public record PathLimit(String path, DataSize max) {
    }
}
