package com.calliyo.web.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.calliyo.web.api.ApiException;
import com.calliyo.web.api.GatewayApi;
import com.calliyo.web.auth.Viewer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Shows instants in the company's timezone (templates: {@code ${@times.format(instant)}}). The zone is read from
 * the company profile and remembered for a few minutes per company: a cache, not session state.
 */
@Component("times")
public class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final Duration REMEMBER = Duration.ofMinutes(10);

    private final GatewayApi api;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Zone> zones = new ConcurrentHashMap<>();

    Times(GatewayApi api) {
        this.api = api;
    }

    public String format(Instant instant) {
        return instant == null ? "—" : FORMAT.withZone(zone()).format(instant);
    }

    public ZoneId zone() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Viewer viewer)) {
            return ZoneId.of("UTC");
        }
        Zone known = zones.get(viewer.companyId());
        if (known != null && known.readAt().plus(REMEMBER).isAfter(clock.instant())) {
            return known.zone();
        }
        try {
            Object name = api.get("/api/settings/company", Map.class).get("timezone");
            ZoneId zone = name == null ? ZoneId.of("UTC") : ZoneId.of(name.toString());
            zones.put(viewer.companyId(), new Zone(zone, clock.instant()));
            return zone;
        } catch (ApiException | java.time.DateTimeException e) {
            return known != null ? known.zone() : ZoneId.of("UTC");
        }
    }

    private record Zone(ZoneId zone, Instant readAt) {
    }
}
