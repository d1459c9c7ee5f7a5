package com.calliyo.systemtests;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every password and token the system tests sent or received in this JVM (sign-ins through {@link Scenario}), so
 * {@link LogSecretsIT} can look for each of them in the logs of every service the run started.
 */
final class UsedSecrets {

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private UsedSecrets() {
    }

    static void add(String secret) {
        if (secret != null && !secret.isBlank()) {
            SECRETS.add(secret);
        }
    }

    static Set<String> all() {
        return Set.copyOf(SECRETS);
    }
}
