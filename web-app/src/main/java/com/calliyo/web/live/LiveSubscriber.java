package com.calliyo.web.live;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.calliyo.web.live.SuiteChange.CustomerChange;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open page's stream. Changes are collected and sent as one signal per area: an import of ten thousand leads
 * is a handful of signals, not ten thousand. An area whose read model lags (reports) is sent once the last change
 * has had its settle time, but never later than {@link #MOST_DELAYED} after the first, so a long burst still
 * refreshes the page now and then.
 */
final class LiveSubscriber {

    static final Duration MOST_DELAYED = Duration.ofSeconds(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SseEmitter emitter;
    private final String companyId;
    private final String userId;
    private final String sessionId;
    private final boolean agent;
    private final Instant closeAt;
    private final Map<LiveArea, Pending> pending = new EnumMap<>(LiveArea.class);
    private CustomerChange customer;
    private Instant lastSent;

    private record Pending(Instant first, Instant last) {
    }

    LiveSubscriber(SseEmitter emitter, String companyId, String userId, String sessionId, boolean agent,
                   Instant closeAt, Instant now) {
        this.emitter = emitter;
        this.companyId = companyId;
        this.userId = userId;
        this.sessionId = sessionId;
        this.agent = agent;
        this.closeAt = closeAt;
        this.lastSent = now;
    }

    SseEmitter emitter() {
        return emitter;
    }

    String companyId() {
        return companyId;
    }

    boolean sameSession(String companyId, String userId, String sessionId) {
        return this.companyId.equals(companyId) && this.userId.equals(userId)
                && (sessionId == null || sessionId.equals(this.sessionId));
    }

    synchronized void notice(SuiteChange change, Instant now) {
        if (!change.concerns(companyId, userId, agent)) {
            return;
        }
        change.areas().forEach(area -> pending.merge(area, new Pending(now, now),
                (held, fresh) -> new Pending(held.first(), now)));
        if (change.customer() != null) {
            customer = change.customer();
        }
    }

    /**
     * Sends what is due and a heartbeat when the stream has been quiet; false when the stream is over (its access
     * token is about to expire, or the browser has gone), so the caller forgets it.
     */
    boolean flush(Instant now, Duration heartbeat) {
        if (!now.isBefore(closeAt)) {
            emitter.complete(); // the browser reconnects at once, and its new request renews the session first
            return false;
        }
        try {
            List<SseEmitter.SseEventBuilder> due = takeDue(now);
            for (SseEmitter.SseEventBuilder event : due) {
                emitter.send(event);
            }
            if (due.isEmpty() && !now.isBefore(lastSent.plus(heartbeat))) {
                emitter.send(SseEmitter.event().comment("still here"));
            }
            if (!due.isEmpty() || !now.isBefore(lastSent.plus(heartbeat))) {
                lastSent = now;
            }
            return true;
        } catch (IOException | IllegalStateException gone) {
            return false;
        }
    }

    /** The session was ended elsewhere (sign-out, ban, password or role change): the page should leave. */
    void endSession() {
        try {
            emitter.send(SseEmitter.event().name("signed-out").data("{}"));
            emitter.complete();
        } catch (IOException | IllegalStateException gone) {
            // already closed
        }
    }

    private synchronized List<SseEmitter.SseEventBuilder> takeDue(Instant now) {
        List<SseEmitter.SseEventBuilder> events = new ArrayList<>();
        for (var iterator = pending.entrySet().iterator(); iterator.hasNext(); ) {
            var entry = iterator.next();
            LiveArea area = entry.getKey();
            Pending held = entry.getValue();
            Instant settled = held.last().plus(area.settle());
            Instant latest = held.first().plus(MOST_DELAYED);
            if (now.isBefore(settled) && now.isBefore(latest)) {
                continue;
            }
            events.add(SseEmitter.event().name(area.eventName()).data(payload(area)));
            if (now.isBefore(settled)) {
                entry.setValue(new Pending(held.last(), held.last())); // sent early: the latest change gets its own
            } else {
                iterator.remove();
            }
        }
        return events;
    }

    private String payload(LiveArea area) {
        if (area != LiveArea.CUSTOMERS || customer == null) {
            return "{}";
        }
        String json = JSON.writeValueAsString(Map.of("leadId", customer.leadId(), "customer", customer.customerNow()));
        customer = null;
        return json;
    }
}
