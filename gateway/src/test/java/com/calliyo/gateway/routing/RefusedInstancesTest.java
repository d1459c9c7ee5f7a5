package com.calliyo.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;

class RefusedInstancesTest {

    static final ServiceInstance FIRST = new DefaultServiceInstance("a", "lead-service", "127.0.0.1", 8081, false);
    static final ServiceInstance SECOND = new DefaultServiceInstance("b", "lead-service", "127.0.0.1", 8181, false);

    @Test
    void shouldLeaveOutAnInstanceThatRefusedThisRequest() {
        assertThat(RefusedInstances.leaveOut(List.of(FIRST, SECOND),
                Map.of(RefusedInstances.ATTRIBUTE, Set.of("127.0.0.1:8081")))).containsExactly(SECOND);
    }

    @Test
    void shouldKeepEveryInstanceForARequestWithoutRefusals() {
        assertThat(RefusedInstances.leaveOut(List.of(FIRST, SECOND), Map.of())).containsExactly(FIRST, SECOND);
    }

    @Test
    void shouldKeepEveryInstanceWhenAllRefusedSoTheLastAttemptStillGoesSomewhere() {
        assertThat(RefusedInstances.leaveOut(List.of(FIRST, SECOND),
                Map.of(RefusedInstances.ATTRIBUTE, Set.of("127.0.0.1:8081", "127.0.0.1:8181"))))
                .containsExactly(FIRST, SECOND);
    }
}
