package com.calliyo.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Refreshes a session's tokens at most once per refresh token. lead-service rotates refresh tokens and treats a
 * rotated token sent again as theft (it ends the whole session), but a browser easily sends two requests with the
 * same cookies at once (a page and its htmx fragment). So concurrent refreshes with one token in this instance
 * share one call, and its answer is kept for {@link #REUSE_WINDOW} for requests that were already on their way
 * with the old cookie. The map only smooths that race; losing it (a restart) loses no session.
 */
@Component
public class TokenRefresher {

    static final Duration REUSE_WINDOW = Duration.ofSeconds(30);

    private final AuthApi auth;
    private final Clock clock;
    private final Map<String, CompletableFuture<Optional<Tokens>>> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Recent> recent = new ConcurrentHashMap<>();

    @Autowired
    TokenRefresher(AuthApi auth) {
        this(auth, Clock.systemUTC());
    }

    TokenRefresher(AuthApi auth, Clock clock) {
        this.auth = auth;
        this.clock = clock;
    }

    /** The new tokens, or empty when the session is over; a gateway outage is thrown as an ApiException. */
    public Optional<Tokens> refresh(String refreshToken) {
        Instant now = clock.instant();
        recent.values().removeIf(entry -> entry.at().plus(REUSE_WINDOW).isBefore(now));
        String key = sha256(refreshToken);
        Recent done = recent.get(key);
        if (done != null) {
            return Optional.of(done.tokens());
        }
        CompletableFuture<Optional<Tokens>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<Tokens>> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return join(running);
        }
        try {
            Optional<Tokens> tokens = auth.refresh(refreshToken);
            tokens.ifPresent(fresh -> recent.put(key, new Recent(fresh, clock.instant())));
            mine.complete(tokens);
            return tokens;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private static Optional<Tokens> join(CompletableFuture<Optional<Tokens>> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Only a digest is used as the key, so a heap dump does not list live refresh tokens as keys. */
    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Recent(Tokens tokens, Instant at) {
    }
}
