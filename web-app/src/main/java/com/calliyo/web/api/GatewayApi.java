package com.calliyo.web.api;

import java.util.Map;
import java.util.function.Function;

import com.calliyo.web.auth.SessionExpiredException;
import com.calliyo.web.auth.WebSession;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Calls the suite's API as the signed-in user. A 401 is answered by refreshing the session once and sending the
 * same request again: the gateway refuses a bad token before routing and the services refuse before acting, so
 * nothing was done the first time and a POST may be repeated. A 401 after that ends the session.
 */
@Component
public class GatewayApi {

    private final RestClient client;

    GatewayApi(RestClient gatewayRestClient) {
        this.client = gatewayRestClient;
    }

    public <T> T get(String uri, Class<T> type, Object... variables) {
        return asUser(token -> client.get().uri(uri, variables).headers(bearer(token)).retrieve().body(type));
    }

    public <T> T get(String uri, ParameterizedTypeReference<T> type, Object... variables) {
        return asUser(token -> client.get().uri(uri, variables).headers(bearer(token)).retrieve().body(type));
    }

    public <T> T get(Function<org.springframework.web.util.UriBuilder, java.net.URI> uri,
                     ParameterizedTypeReference<T> type) {
        return asUser(token -> client.get().uri(uri).headers(bearer(token)).retrieve().body(type));
    }

    public <T> T post(String uri, Object body, Class<T> type, Map<String, String> headers, Object... variables) {
        return asUser(token -> client.post().uri(uri, variables).headers(bearer(token))
                .headers(h -> headers.forEach(h::set))
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(type));
    }

    /** A multipart form (the CSV import); the parts' own content types are kept. */
    public <T> T postMultipart(String uri, org.springframework.util.MultiValueMap<String, ?> parts, Class<T> type,
                               Map<String, String> headers) {
        return asUser(token -> client.post().uri(uri).headers(bearer(token)).headers(h -> headers.forEach(h::set))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().body(type));
    }

    public <T> T patch(String uri, Object body, Class<T> type, Object... variables) {
        return asUser(token -> client.patch().uri(uri, variables).headers(bearer(token))
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(type));
    }

    public <T> T put(String uri, Object body, Class<T> type, Object... variables) {
        return asUser(token -> client.put().uri(uri, variables).headers(bearer(token))
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(type));
    }

    public <T> T put(String uri, Object body, Class<T> type, Map<String, String> headers, Object... variables) {
        return asUser(token -> client.put().uri(uri, variables).headers(bearer(token))
                .headers(h -> headers.forEach(h::set))
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(type));
    }

    public void delete(String uri, Object... variables) {
        asUser(token -> client.delete().uri(uri, variables).headers(bearer(token)).retrieve().toBodilessEntity());
    }

    /** Calls made before anyone is signed in: sign-up, sign-in, refresh. */
    public <T> T postAnonymous(String uri, Object body, Class<T> type) {
        return send(() -> client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(type));
    }

    /** Sign-out: the access token names the session to end; the body names its refresh token. */
    public void postWithToken(String uri, Object body, String accessToken) {
        send(() -> client.post().uri(uri).headers(bearer(accessToken)).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toBodilessEntity());
    }

    private <T> T asUser(Function<String, T> call) {
        WebSession session = WebSession.current().orElseThrow(SessionExpiredException::new);
        try {
            return send(() -> call.apply(session.accessToken()));
        } catch (ApiException e) {
            if (e.status() != 401) {
                throw e;
            }
        }
        if (!session.refresh()) {
            throw new SessionExpiredException();
        }
        try {
            return send(() -> call.apply(session.accessToken()));
        } catch (ApiException e) {
            if (e.status() == 401) {
                session.end();
                throw new SessionExpiredException();
            }
            throw e;
        }
    }

    private static <T> T send(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceAccessException e) {
            // Connection refused or timed out: the gateway itself is away, which the user sees as "try again".
            throw new ApiException(ApiProblem.unreachable());
        }
    }

    private static java.util.function.Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }
}
