package com.calliyo.web.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code web.live.*}: the live updates of open pages.
 *
 * @param feedEnabled  whether this instance follows the suite's Kafka topics (off only in tests without a broker;
 *                     the pages then simply do not update by themselves)
 * @param tick         how often pending signals are sent: the delay a change waits at most before its page hears
 *                     of it, and the window in which a burst of changes becomes one signal
 * @param heartbeat    how often an idle stream carries a comment, so proxies keep it open and a vanished browser is
 *                     noticed
 * @param customerWait how long the Customers list waits, after a conversion signal, for customer-service to show
 *                     (or drop) the customer before it answers with what it has
 */
@ConfigurationProperties("web.live")
public record LiveProperties(
        @DefaultValue("true") boolean feedEnabled,
        @DefaultValue("100ms") Duration tick,
        @DefaultValue("20s") Duration heartbeat,
        @DefaultValue("2s") Duration customerWait) {
}
