package com.calliyo.gateway.routing;

import static com.calliyo.gateway.routing.RetryRefusedConnectionGatewayFilterFactory.connectionNotMade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import org.junit.jupiter.api.Test;

/** Which failures count as "nothing was sent": the only ones a write may be sent again after. */
class RetryRefusedConnectionGatewayFilterFactoryTest {

    @Test
    void shouldTakeARefusedOrTimedOutConnectAlsoWhenWrappedForNotSent() {
        assertThat(connectionNotMade(new ConnectException("Connection refused"))).isTrue();
        assertThat(connectionNotMade(new ConnectTimeoutException("connection timed out"))).isTrue();
        assertThat(connectionNotMade(new IllegalStateException(new ConnectException("Connection refused"))))
                .isTrue();
    }

    @Test
    void shouldNotTakeAFailureAfterTheConnectionWasMadeForNotSent() {
        // a reset or early close and a late answer may come after the service received the request
        assertThat(connectionNotMade(new IOException("Connection reset by peer"))).isFalse();
        assertThat(connectionNotMade(new TimeoutException("Did not observe any item"))).isFalse();
        assertThat(connectionNotMade(new IllegalStateException(new IOException("Connection prematurely closed"))))
                .isFalse();
    }

    @Test
    void shouldRefuseAConfigurationWithoutRetries() {
        var none = new RetryRefusedConnectionGatewayFilterFactory.Config();
        none.setRetries(0);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryRefusedConnectionGatewayFilterFactory().apply(none));
    }
}
