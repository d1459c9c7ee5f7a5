package com.calliyo.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StackSecretsTest {

    @TempDir
    Path data;

    @Test
    void shouldGenerateA256BitKeyAndAPasswordOnFirstStartAndKeepThemForTheNext() throws Exception {
        Map<String, String> first = StackSecrets.resolve(Map.of("HOME", "/root"), data);
        Map<String, String> second = StackSecrets.resolve(Map.of(), data);

        String key = first.get(StackSecrets.KEY_ENCRYPTION_KEY);
        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        assertThat(first.get(StackSecrets.OPERATOR_PASSWORD)).isNotBlank().isNotEqualTo(key);
        assertThat(first).containsEntry("HOME", "/root");
        assertThat(second.get(StackSecrets.KEY_ENCRYPTION_KEY)).as("a restart reads the same key").isEqualTo(key);
        assertThat(second.get(StackSecrets.OPERATOR_PASSWORD)).isEqualTo(first.get(StackSecrets.OPERATOR_PASSWORD));
        assertThat(Files.readString(data.resolve("key-encryption-key")).trim()).isEqualTo(key);
        if (Files.getFileStore(data).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(data.resolve("key-encryption-key")))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
    }

    @Test
    void shouldGiveEveryFreshDataDirectoryItsOwnKey(@TempDir Path other) {
        assertThat(StackSecrets.resolve(Map.of(), data).get(StackSecrets.KEY_ENCRYPTION_KEY))
                .isNotEqualTo(StackSecrets.resolve(Map.of(), other).get(StackSecrets.KEY_ENCRYPTION_KEY));
    }

    @Test
    void shouldPreferTheLaunchersEnvironmentAndWriteNothing() {
        Map<String, String> resolved = StackSecrets.resolve(Map.of(StackSecrets.KEY_ENCRYPTION_KEY, "from-env",
                StackSecrets.OPERATOR_PASSWORD, "pw-from-env"), data);

        assertThat(resolved).containsEntry(StackSecrets.KEY_ENCRYPTION_KEY, "from-env")
                .containsEntry(StackSecrets.OPERATOR_PASSWORD, "pw-from-env");
        assertThat(data.resolve("key-encryption-key")).doesNotExist();
        assertThat(data.resolve("operator-password")).doesNotExist();
    }

    @Test
    void shouldGiveTheSecretsToLeadServiceOnly() {
        LocalStackConfig config = LocalStackConfig.builder().repoRoot(Path.of("/repo")).build();
        Map<String, String> environment = StackSecrets.resolve(Map.of("CALLIYO_TOKEN_ISSUER", "calliyo"), data);

        assertThat(ServiceLaunch.environment(ServiceModule.LEAD_SERVICE, config, environment))
                .containsKeys(StackSecrets.KEY_ENCRYPTION_KEY, StackSecrets.OPERATOR_PASSWORD)
                .containsEntry("CALLIYO_TOKEN_ISSUER", "calliyo");
        for (ServiceModule module : Set.of(ServiceModule.GATEWAY, ServiceModule.CUSTOMER_SERVICE,
                ServiceModule.ORDER_SERVICE, ServiceModule.REPORTING_SERVICE)) {
            assertThat(ServiceLaunch.environment(module, config, environment)).as("environment of %s", module)
                    .doesNotContainKeys(StackSecrets.KEY_ENCRYPTION_KEY, StackSecrets.OPERATOR_PASSWORD)
                    .containsEntry("CALLIYO_TOKEN_ISSUER", "calliyo");
        }
    }
}
