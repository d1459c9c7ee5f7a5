package com.calliyo.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks that run before anything starts; nothing here starts a process. */
class LocalStackTest {

    @TempDir
    Path repoRoot;

    @Test
    void shouldRefuseToStartWhenAPortIsTakenAndCreateNothing() throws IOException {
        LocalStackConfig free = FreePorts.config().repoRoot(repoRoot).build();
        try (ServerSocket occupant = new ServerSocket(free.mongoPort(), 50, InetAddress.getLoopbackAddress())) {
            PortInUseException e = catchThrowableOfType(PortInUseException.class, () -> LocalStack.start(free));

            assertThat(e.getMessage()).startsWith("Port " + free.mongoPort() + " (MongoDB) is already in use");
        }
        assertThat(Files.exists(free.dataDir())).isFalse();
    }

    @Test
    void shouldNameTheServicesThatAreNotBuilt() throws IOException {
        Path built = ServiceModule.LEAD_SERVICE.jar(repoRoot);
        Files.createDirectories(built.getParent());
        Files.writeString(built, "not really a jar");
        LocalStackConfig config = FreePorts.config().repoRoot(repoRoot).build();

        LocalStackException e = catchThrowableOfType(LocalStackException.class, () -> LocalStack.start(config));

        assertThat(e.getMessage())
                .contains("customer-service/target/customer-service.jar", "web-app/target/web-app.jar", "gateway/target/gateway.jar")
                .doesNotContain("lead-service/target")
                .contains("./mvnw -B -DskipTests -pl customer-service,order-service,reporting-service,webhook-service,web-app,gateway -am package");
    }
}
