package com.calliyo.localstack;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the directory of jars the broker JVM runs from: {@code target/lib}, which the local-stack build fills with
 * its runtime dependencies. It sits next to {@code local-stack.jar} (and next to {@code target/classes}); when the
 * launcher classes come from elsewhere (a jar in the local Maven repository) it is looked up under the repository root.
 */
final class KafkaLibraries {

    private KafkaLibraries() {
    }

    static Path locate(Path repoRoot) {
        List<Path> candidates = new ArrayList<>();
        besideLauncher().ifPresent(candidates::add);
        candidates.add(repoRoot.resolve("local-stack").resolve("target").resolve("lib"));
        for (Path candidate : candidates) {
            if (holdsKafka(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new LocalStackException("No Kafka jars found in " + candidates.stream().map(Path::toString).toList()
                + "; build the launcher first: ./mvnw -B -DskipTests -pl local-stack package");
    }

    static boolean holdsKafka(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "kafka_2.13-*.jar")) {
            return jars.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> besideLauncher() {
        CodeSource source = KafkaLibraries.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            return Optional.ofNullable(location.getParent()).map(parent -> parent.resolve("lib"));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
