package com.calliyo.lead.auth;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the public signing keys, the current one and the previous ones whose tokens may still be valid, so that
 * the gateway and the other services can verify tokens themselves (they re-fetch the set when a token names a key id
 * they do not know, so they follow a rotation without a restart).
 */
@RestController
class JwksController {

    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/.well-known/jwks.json")
    Map<String, Object> jwks() {
        return keys.publishedKeys().toJSONObject();
    }
}
