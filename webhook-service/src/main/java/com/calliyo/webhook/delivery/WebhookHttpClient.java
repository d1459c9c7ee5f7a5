package com.calliyo.webhook.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.calliyo.webhook.WebhookServiceProperties;
import com.calliyo.webhook.delivery.domain.Delivery;
import com.calliyo.webhook.subscription.TargetGuard;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * POSTs one signed body and reads at most {@code response-bytes} of the answer, all within {@code timeout}
 * (connect, send, headers and those bytes; the request is aborted when it runs out): a receiver that accepts the
 * connection and never answers costs one sender for that long, no more. Redirects are not followed (a 3xx is an
 * answer, and following one could lead past the target checks). Host names are resolved through
 * {@link TargetGuard#checkedAddresses}, so the socket connects to exactly the addresses that were checked (no DNS
 * rebinding between check and connect), while TLS verifies the certificate and sends SNI for the host name.
 * Connections are pooled per endpoint, up to {@code per-endpoint}, so parallel deliveries reuse them.
 */
@Component
class WebhookHttpClient implements AutoCloseable {

    /** What one POST gave: a status and the first bytes of the answer, or the error that left no answer. */
    record Answer(Integer statusCode, Optional<String> retryAfter, String response, String error, long latencyMillis) {
    }

    private static final ContentType JSON = ContentType.create("application/json");

    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;
    private final Duration timeout;
    private final int responseBytes;

    WebhookHttpClient(WebhookServiceProperties properties, TargetGuard guard) {
        WebhookServiceProperties.Delivery settings = properties.delivery();
        this.timeout = settings.timeout();
        this.responseBytes = settings.responseBytes();
        Timeout limit = Timeout.of(timeout);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedResolver(guard))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(limit).setSocketTimeout(limit).build())
                        .setMaxConnPerRoute(settings.perEndpoint())
                        .setMaxConnTotal(settings.workers() * settings.perEndpoint())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false)
                        .setConnectionRequestTimeout(limit).setResponseTimeout(limit).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("Calliyo-Webhooks/1")
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-deadlines");
            thread.setDaemon(true);
            return thread;
        });
    }

    Answer post(String url, Map<String, String> headers, String body) {
        HttpPost request = new HttpPost(url);
        request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), JSON));
        headers.forEach(request::setHeader);
        long started = System.nanoTime();
        ScheduledFuture<?> deadline = deadlines.schedule(request::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = client.executeOpen(null, request, null)) {
            Header retryAfter = response.getFirstHeader("Retry-After");
            String first = firstBytes(response.getEntity(), request);
            return new Answer(response.getCode(), Optional.ofNullable(retryAfter).map(Header::getValue), first, null,
                    millisSince(started));
        } catch (TargetGuard.RefusedTarget e) {
            return failure("target refused: url " + e.getMessage(), started);
        } catch (IOException | IllegalStateException e) {
            if (request.isCancelled()) {
                return failure("no answer within " + timeout.toMillis() + " ms", started);
            }
            return failure(e.getClass().getSimpleName() + ": " + e.getMessage(), started);
        } finally {
            deadline.cancel(false);
        }
    }

    /**
     * The answer's first bytes. An answer longer than that is not read on: the request is aborted, which drops the
     * connection instead of draining it (closing would read the rest); a short one leaves it reusable.
     */
    private String firstBytes(HttpEntity entity, HttpPost request) throws IOException {
        if (entity == null) {
            return "";
        }
        InputStream stream = entity.getContent();
        String first = new String(stream.readNBytes(responseBytes), StandardCharsets.UTF_8);
        if (stream.read() != -1) {
            request.cancel();
        }
        return first;
    }

    private static Answer failure(String error, long started) {
        return new Answer(null, Optional.empty(), null, error, millisSince(started));
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }

    /** The client's DNS: the guard's checked answer, or a refusal that ends the attempt before any connection. */
    private record CheckedResolver(TargetGuard guard) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return guard.checkedAddresses(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return guard.checkedAddresses(host)[0].getCanonicalHostName();
        }
    }
}
