package com.calliyo.web.live;

import com.calliyo.web.auth.Viewer;
import com.calliyo.web.auth.WebSession;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /live}: the page's stream of server-sent events ({@code leads}, {@code customers}, {@code reports},
 * {@code signed-out}). It carries no data a page could not fetch: only which parts to refetch, which the page does
 * through the API with its own session, so what each user sees stays the API's decision.
 */
@RestController
class LiveController {

    private final LiveSubscribers subscribers;

    LiveController(LiveSubscribers subscribers) {
        this.subscribers = subscribers;
    }

    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(@AuthenticationPrincipal Viewer viewer) {
        WebSession session = WebSession.current().orElseThrow();
        return subscribers.open(viewer, session.sessionId(), session.accessTokenExpiresAt());
    }
}
