package com.calliyo.storeoutage;

import java.time.Duration;

import com.mongodb.MongoTimeoutException;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreOutageFilterTest {

    final StoreOutageFilter filter = new StoreOutageFilter(
            new StoreOutageProperties(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(30),
                    Duration.ofSeconds(7), Duration.ofSeconds(5)));
    final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/customers/42");
    final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void shouldAnswer503WithRetryAfterWhenTheStoreIsUnreachable() throws Exception {
        filter.doFilter(request, response, (req, res) -> {
            throw new ServletException("Request processing failed",
                    new DataAccessResourceFailureException("Timed out", new MongoTimeoutException("no server")));
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("7");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":503", "\"instance\":\"/api/customers/42\"");
    }

    @Test
    void shouldLetEveryOtherFailureThrough() {
        assertThatThrownBy(() -> filter.doFilter(request, response, (req, res) -> {
            throw new DuplicateKeyException("E11000");
        })).isInstanceOf(DuplicateKeyException.class);
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void shouldTellTheDriversOwnTimeoutFromOtherFailures() {
        assertThat(StoreOutages.isOutage(new IllegalStateException("wrapped", new MongoTimeoutException("x"))))
                .isTrue();
        assertThat(StoreOutages.isOutage(new IllegalStateException("no store involved"))).isFalse();
        assertThat(StoreOutages.isOutage(null)).isFalse();
    }
}
