package com.calliyo.lead.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Inbound webhooks: a form post is small, so anything above {@code maxBodySize} (64 KB by default) is refused. */
@ConfigurationProperties("lead.webhook")
record WebhookProperties(DataSize maxBodySize) {

    WebhookProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(64) : maxBodySize;
    }
}
