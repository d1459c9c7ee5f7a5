package com.calliyo.webhook.subscription;

import java.net.InetAddress;
import java.net.UnknownHostException;

import com.calliyo.webhook.WebhookServiceProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TargetGuardTest {

    private static TargetGuard guard(boolean allowInsecure) {
        return new TargetGuard(new WebhookServiceProperties(null, new WebhookServiceProperties.Targets(allowInsecure),
                null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.1", "10.1.2.3", "172.16.0.1", "172.31.255.254", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "100.127.255.255", "0.0.0.0", "0.1.2.3", "224.0.0.1", "::1", "::",
            "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254"})
    void shouldTreatLoopbackPrivateLinkLocalAndMetadataAddressesAsInternal(String ip) throws UnknownHostException {
        assertThat(TargetGuard.isInternal(InetAddress.getByName(ip))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.32.0.1", "2606:4700::1111"})
    void shouldTreatPublicAddressesAsExternal(String ip) throws UnknownHostException {
        assertThat(TargetGuard.isInternal(InetAddress.getByName(ip))).isFalse();
    }

    @Test
    void shouldRefuseURLsThatAreNotHttpsOrPointInside() {
        TargetGuard guard = guard(false);

        assertThat(guard.refusal("http://8.8.8.8/hook")).contains("must use https");
        assertThat(guard.refusal("https://127.0.0.1/hook")).get().asString().contains("loopback");
        assertThat(guard.refusal("https://localhost:8443/hook")).get().asString().contains("loopback");
        assertThat(guard.refusal("https://169.254.169.254/latest/meta-data")).get().asString().contains("metadata");
        assertThat(guard.refusal("https://[::1]/hook")).isPresent();
        assertThat(guard.refusal("ftp://8.8.8.8/hook")).isPresent();
        assertThat(guard.refusal("not a url")).contains("is not a valid URL");
        assertThat(guard.refusal("/relative/path")).isPresent();
        assertThat(guard.refusal("https://user:pass@8.8.8.8/hook")).contains("must not carry credentials");
        assertThat(guard.refusal("https://no-such-host.invalid/hook")).contains("has a host that does not resolve");
    }

    @Test
    void shouldAcceptAPublicHttpsAddress() {
        assertThat(guard(false).refusal("https://8.8.8.8/hook")).isEmpty();
    }

    @Test
    void shouldLetHttpAndLoopbackThroughOnlyWithTheDevelopmentAllowance() {
        assertThat(guard(true).refusal("http://127.0.0.1:9999/hook")).isEmpty();
        assertThat(guard(false).refusal("http://127.0.0.1:9999/hook")).isPresent();
    }
}
