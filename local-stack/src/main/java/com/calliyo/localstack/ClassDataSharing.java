package com.calliyo.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Class data sharing (CDS) for one service JVM, so that a start maps the service's classes from an archive instead of
 * loading, parsing and verifying them again.
 *
 * <p>The JVM archives only classes loaded from plain jars on the class path, not from the jars nested in a Spring
 * Boot fat jar, so the service's jar is first extracted (Boot's {@code -Djarmode=tools extract}: the application jar
 * plus {@code lib/}) into {@code <module>/target/cds/<jar fingerprint>/}. The fingerprint (size and modification time)
 * changes with every rebuild, so an archive never outlives the jar it was recorded from.
 *
 * <p>The archive is recorded on the first launch of a build, not at package time: a service only reaches the end of
 * its context refresh with MongoDB reachable (the Mongo template creates the declared indexes as it is built), and a
 * MongoDB exists only once the launcher runs. So before the first start of a build, {@link ClassDataTraining} runs
 * the service once with {@code -Dspring.context.exit=onRefresh} (every singleton built, nothing started: no port,
 * no listener, no scheduled job) and {@code -XX:ArchiveClassesAtExit} into a file of its own, which
 * {@link #keepRecording} moves into place; that start and every later one use it ({@code -XX:SharedArchiveFile}).
 * Whatever goes wrong here (extraction fails, the training run fails, the archive is unusable) the service still
 * starts: from its fat jar, from the extracted jar without an archive, or with {@code -Xshare:auto}, under which the
 * JVM only warns about an archive it cannot map.
 */
final class ClassDataSharing {

    /** {@code LOCAL_STACK_CDS=off} in the launcher's environment starts the services from their fat jars. */
    static final String SWITCH = "LOCAL_STACK_CDS";
    static final String DIRECTORY = "cds";
    private static final String RECORDING_SUFFIX = ".recording";
    private static final String COMPLETE_MARKER = ".extracted";
    private static final Duration ABANDONED_RECORDING_AGE = Duration.ofHours(1);

    /** Turns a fat jar into the extracted layout in a given directory; the real one runs Boot's tools jarmode. */
    @FunctionalInterface
    interface Extractor {
        void extract(Path fatJar, Path destination) throws IOException, InterruptedException;
    }

    /**
     * What one launch runs: {@code jar} after {@code flags}. When there is no archive yet, {@code trainingFlags} are
     * those of the training run, which writes {@code recording} as it exits.
     */
    record Plan(Path jar, List<String> flags, List<String> trainingFlags, Optional<Path> recording,
                Optional<Path> archive) {

        Plan {
            flags = List.copyOf(flags);
            trainingFlags = List.copyOf(trainingFlags);
        }

        static Plan fatJar(Path jar) {
            return new Plan(jar, List.of(), List.of(), Optional.empty(), Optional.empty());
        }

        /**
         * The extracted jar with the archive in place. -Xshare:auto (the default, stated): an archive the JVM cannot
         * use is a warning, never a failed start. ArchiveRelocationMode=0 maps the archive at the address it was
         * dumped for: JDK 17.0.15 relocates it to a random address by default (ASLR), which writes to every page of
         * the 50-90 MB archive and so made it resident and private in each service (measured: the whole archive in
         * RSS, no memory saved). Address randomisation of class metadata is no concern for a development stack;
         * IgnoreUnrecognizedVMOptions keeps a JDK that drops this diagnostic flag starting.
         */
        Plan usingArchive() {
            Path path = archive.orElseThrow();
            return new Plan(jar, List.of("-XX:SharedArchiveFile=" + path, "-Xshare:auto",
                    "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+UnlockDiagnosticVMOptions",
                    "-XX:ArchiveRelocationMode=0"), List.of(), Optional.empty(), archive);
        }

        /** The extracted jar without an archive, e.g. after a failed training run. */
        Plan withoutArchive() {
            return new Plan(jar, List.of(), List.of(), Optional.empty(), Optional.empty());
        }

        boolean needsTraining() {
            return recording.isPresent();
        }
    }

    private ClassDataSharing() {
    }

    /** The plan for {@code fatJar} with the real extractor; falls back to the fat jar, never throws. */
    static Plan prepare(Path fatJar, String moduleName, Map<String, String> launcherEnvironment) {
        if ("off".equalsIgnoreCase(launcherEnvironment.getOrDefault(SWITCH, "").trim())) {
            return Plan.fatJar(fatJar);
        }
        return prepare(fatJar, moduleName, ClassDataSharing::extractWithBootTools);
    }

    static Plan prepare(Path fatJar, String moduleName, Extractor extractor) {
        try {
            Path extracted = extracted(fatJar, moduleName, extractor);
            Path runJar = extracted.resolve(moduleName + ".jar");
            Path archive = extracted.resolve(moduleName + ".jsa");
            if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
                return new Plan(runJar, List.of(), List.of(), Optional.empty(), Optional.of(archive)).usingArchive();
            }
            dropAbandonedRecordings(extracted);
            // Unique per launch: two stacks of one checkout (a developer's and a system test's) never share a file.
            Path recording = extracted.resolve(moduleName + ".jsa." + UUID.randomUUID() + RECORDING_SUFFIX);
            // -Xlog:cds=off: at exit the JVM warns once per class it cannot archive (e.g. generated accessors)
            return new Plan(runJar, List.of(), List.of("-XX:ArchiveClassesAtExit=" + recording,
                    "-Dspring.context.exit=onRefresh", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"),
                    Optional.of(recording), Optional.of(archive));
        } catch (IOException | RuntimeException e) {
            Console.step(moduleName + ": no class data sharing this time (" + e.getMessage() + "); starting the fat jar");
            return Plan.fatJar(fatJar);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Plan.fatJar(fatJar);
        }
    }

    /**
     * After the training run exited: moves its archive into place if it ended normally (exit code 0); a failed or
     * killed run's archive is missing, incomplete or covers only part of the start, so it is dropped. Returns whether
     * an archive was kept.
     */
    static boolean keepRecording(Plan plan, int exitCode) {
        if (plan.recording().isEmpty()) {
            return false;
        }
        Path recording = plan.recording().get();
        try {
            if (exitCode != 0 || !Files.isRegularFile(recording) || Files.size(recording) == 0) {
                Files.deleteIfExists(recording);
                return false;
            }
            moveAtomically(recording, plan.archive().orElseThrow());
            return true;
        } catch (IOException e) {
            Console.error("Could not keep the class data archive " + recording + ": " + e.getMessage());
            return false;
        }
    }

    /** {@code <module>/target/cds/<size>-<mtime>/}, extracted once per jar build; older extractions are removed. */
    static Path extracted(Path fatJar, String moduleName, Extractor extractor) throws IOException, InterruptedException {
        Path home = fatJar.toAbsolutePath().getParent().resolve(DIRECTORY);
        Path target = home.resolve(fingerprint(fatJar));
        if (Files.isRegularFile(target.resolve(COMPLETE_MARKER))) {
            return target;
        }
        Files.createDirectories(home);
        removeOtherBuilds(home, target.getFileName().toString());
        Path scratch = home.resolve(target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            extractor.extract(fatJar, scratch);
            if (!Files.isRegularFile(scratch.resolve(moduleName + ".jar"))) {
                throw new IOException("extracting " + fatJar + " gave no " + moduleName + ".jar");
            }
            Files.createFile(scratch.resolve(COMPLETE_MARKER));
            try {
                Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherLauncherWon) {
                // a concurrent launcher of the same checkout extracted the same build first: use its copy
            }
        } finally {
            deleteTree(scratch);
        }
        return target;
    }

    static String fingerprint(Path fatJar) throws IOException {
        return Files.size(fatJar) + "-" + Files.getLastModifiedTime(fatJar).toMillis();
    }

    private static void removeOtherBuilds(Path home, String keep) throws IOException {
        try (Stream<Path> entries = Files.list(home)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.equals(keep) && !name.contains(".tmp-")) {
                    deleteTree(entry);
                }
            }
        }
    }

    private static void dropAbandonedRecordings(Path extracted) throws IOException {
        FileTime cutoff = FileTime.from(Instant.now().minus(ABANDONED_RECORDING_AGE));
        try (Stream<Path> entries = Files.list(extracted)) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().endsWith(RECORDING_SUFFIX)).toList()) {
                if (Files.getLastModifiedTime(entry).compareTo(cutoff) < 0) {
                    Files.deleteIfExists(entry);
                }
            }
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover directory under target/ costs disk only, and `mvn clean` removes it
        }
    }

    /** {@code java -Djarmode=tools -jar <fat jar> extract --destination <dir>}, Spring Boot's own extraction. */
    private static void extractWithBootTools(Path fatJar, Path destination) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(ChildProcess.javaExecutable(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Djarmode=tools", "-jar", fatJar.toString(), "extract", "--destination",
                destination.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("extracting " + fatJar + " took longer than 2 minutes");
        }
        if (process.exitValue() != 0) {
            throw new IOException("extracting " + fatJar + " failed (exit code " + process.exitValue() + ")");
        }
    }
}
