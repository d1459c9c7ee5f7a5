package com.calliyo.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root folder: from -Dcalliyo.repo.root (set by the build), else the nearest mvnw upwards. */
final class RepoRoot {

    private RepoRoot() {
    }

    static Path find() {
        String configured = System.getProperty("calliyo.repo.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Cannot find the repository root; set -Dcalliyo.repo.root");
        }
        return dir;
    }
}
