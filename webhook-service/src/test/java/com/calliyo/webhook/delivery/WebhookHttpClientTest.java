package com.calliyo.webhook.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.calliyo.webhook.WebhookServiceProperties;
import com.calliyo.webhook.subscription.TargetGuard;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DNS rebinding: the client connects only to addresses the guard checked, at the moment it connects. */
class WebhookHttpClientTest {

    private static final byte[] PUBLIC = {93, (byte) 184, (byte) 216, 34};

    @Test
    void shouldRefuseAHostThatResolvesToAPrivateAddressAtConnectTimeAfterAPublicOneAtTheCheck() throws IOException {
        try (ServerSocket internal = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<String> lookups = new ArrayList<>();
            // a rebinding DNS server: a public answer first (the check), the loopback listener after (the connect)
            TargetGuard guard = new TargetGuard(properties(), host -> {
                lookups.add(host);
                return lookups.size() == 1 ? new InetAddress[] {InetAddress.getByAddress(host, PUBLIC)}
                        : new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
            });
            String url = "https://hooks.rebind.example:" + internal.getLocalPort() + "/hook";
            assertThat(guard.refusal(url)).isEmpty();

            try (WebhookHttpClient client = new WebhookHttpClient(properties(), guard)) {
                WebhookHttpClient.Answer answer = client.post(url, Map.of("webhook-id", "evt_1"), "{}");

                assertThat(answer.statusCode()).isNull();
                assertThat(answer.error()).startsWith("target refused: url hooks.rebind.example")
                        .contains("loopback");
            }
            assertThat(lookups).containsExactly("hooks.rebind.example", "hooks.rebind.example");
            // no connection reached the internal listener: nothing is waiting to be accepted
            internal.setSoTimeout(200);
            assertThatThrownBy(internal::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    private static WebhookServiceProperties properties() {
        return new Binder(new MapConfigurationPropertySource(Map.of("webhook.targets.allow-insecure", "false")))
                .bindOrCreate("webhook", Bindable.of(WebhookServiceProperties.class));
    }
}
