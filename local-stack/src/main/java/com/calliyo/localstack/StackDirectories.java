package com.calliyo.localstack;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Where one run keeps things: {@code kafka/} (broker configuration and, under {@code kafka/data}, its log),
 * {@code mongo/calliyo.mv} (the H2 file) and {@code logs/}. In memory, a temporary directory that is deleted on stop
 * replaces the data directory and there is no H2 file.
 */
record StackDirectories(Path root, Path kafkaDir, Path mongoFile, Path logDir, boolean temporary) {

    static StackDirectories create(LocalStackConfig config) {
        try {
            Path root = config.inMemory()
                    ? Files.createTempDirectory("calliyo-local-stack-")
                    : Files.createDirectories(config.dataDir());
            StackDirectories dirs = new StackDirectories(root, root.resolve("kafka"),
                    config.inMemory() ? null : root.resolve("mongo").resolve("calliyo.mv"),
                    root.resolve("logs"), config.inMemory());
            Files.createDirectories(dirs.kafkaDir);
            Files.createDirectories(dirs.logDir);
            return dirs;
        } catch (IOException e) {
            throw new LocalStackException("Could not create the data directory " + config.dataDir() + ": "
                    + e.getMessage(), e);
        }
    }

    void deleteIfTemporary() {
        if (!temporary || !Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            Console.error("Could not delete " + root + ": " + e.getMessage());
        }
    }
}
