package com.calliyo.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.calliyo.localstack.RunningStack;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No password, token or key in any log line: after the requests most likely to log one (sign-in, a wrong password,
 * a forged and an expired-looking token, a refused role), every service's log of this run is searched for every
 * secret the tests used so far (passwords, access and refresh tokens, and each token's signature on its own, in case
 * a line cut the token), and for the stack's key-encryption key and operator password.
 */
class LogSecretsIT {

    final Suite suite = Suite.shared();

    @Test
    void shouldKeepEveryPasswordTokenAndKeyOutOfTheLogs() throws IOException {
        Assumptions.assumeTrue(suite.stack().isPresent(), "needs the logs of the stack the tests start");
        RunningStack stack = suite.stack().orElseThrow();
        Scenario.SignedIn admin = Scenario.signUpCompany(suite.gateway());
        String wrongPassword = "wrong password " + System.nanoTime();
        UsedSecrets.add(wrongPassword);
        assertThat(suite.gateway().post("/api/auth/login", """
                {"companyId":"%s","email":"%s","password":"%s"}""".formatted(admin.companyId(), admin.email(),
                wrongPassword)).status()).isEqualTo(401);
        String token = Scenario.login(suite.gateway(), admin.companyId(), admin.email());
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "forged" + System.nanoTime();
        UsedSecrets.add(forged);
        assertThat(suite.gateway().as(forged).get("/api/leads").status()).isEqualTo(401);
        assertThat(admin.gateway().get("/api/leads").status()).isEqualTo(200);
        assertThat(admin.gateway().get("/api/customers").status()).isEqualTo(200);

        List<String> secrets = new ArrayList<>(UsedSecrets.all());
        UsedSecrets.all().stream().filter(secret -> secret.chars().filter(c -> c == '.').count() == 2)
                .map(jwt -> jwt.substring(jwt.lastIndexOf('.') + 1)).forEach(secrets::add);
        secrets.add(stack.keyEncryptionKey());
        if (!stack.operatorPassword().isBlank()) {
            secrets.add(stack.operatorPassword());
        }
        assertThat(secrets).as("what is looked for").contains(Scenario.PASSWORD, token, wrongPassword);

        Map<String, List<String>> found = new TreeMap<>();
        List<Path> logs;
        try (Stream<Path> files = Files.walk(stack.logDir())) {
            logs = files.filter(Files::isRegularFile).toList();
        }
        assertThat(logs).as("the services' logs in %s", stack.logDir()).hasSizeGreaterThanOrEqualTo(7);
        for (Path log : logs) {
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            for (String secret : secrets) {
                if (text.contains(secret)) {
                    found.computeIfAbsent(log.getFileName().toString(), f -> new ArrayList<>())
                            .add(secret.length() > 12 ? secret.substring(0, 12) + "…" : secret);
                }
            }
        }
        assertThat(found).as("log files with a secret (its start shown)").isEmpty();
    }
}
