package com.calliyo.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTest {

    @TempDir
    Path repo;

    private final AtomicInteger extractions = new AtomicInteger();

    /** Stands in for Boot's tools jarmode: the extracted layout is the application jar plus lib/. */
    private final ClassDataSharing.Extractor fakeExtractor = (fatJar, destination) -> {
        extractions.incrementAndGet();
        Files.createDirectories(destination.resolve("lib"));
        Files.writeString(destination.resolve("svc.jar"), "application classes of " + Files.readString(fatJar));
    };

    @Test
    void shouldTrainOnTheFirstLaunchOfABuildAndUseTheArchiveAfter() throws IOException {
        Path jar = fatJar("build 1");

        ClassDataSharing.Plan first = ClassDataSharing.prepare(jar, "svc", fakeExtractor);

        Path extracted = jar.getParent().resolve("cds").resolve(ClassDataSharing.fingerprint(jar));
        assertThat(first.jar()).isEqualTo(extracted.resolve("svc.jar"));
        assertThat(first.recording()).hasValueSatisfying(recording -> {
            assertThat(recording.getParent()).isEqualTo(extracted);
            assertThat(first.trainingFlags()).contains("-XX:ArchiveClassesAtExit=" + recording,
                    "-Dspring.context.exit=onRefresh");
        });
        assertThat(first.needsTraining()).isTrue();
        assertThat(first.flags()).as("the service itself never runs with the training flags").isEmpty();

        jvmWritesArchive(first);
        assertThat(ClassDataSharing.keepRecording(first, 0)).isTrue();
        assertThat(first.usingArchive().flags()).startsWith(
                "-XX:SharedArchiveFile=" + extracted.resolve("svc.jsa"), "-Xshare:auto");

        ClassDataSharing.Plan second = ClassDataSharing.prepare(jar, "svc", fakeExtractor);
        assertThat(second.archive()).contains(extracted.resolve("svc.jsa"));
        assertThat(second.flags()).startsWith("-XX:SharedArchiveFile=" + extracted.resolve("svc.jsa"),
                "-Xshare:auto");
        assertThat(second.needsTraining()).isFalse();
        assertThat(extractions).as("extracted once per build").hasValue(1);
    }

    @Test
    void shouldStartOverWhenTheJarWasRebuiltAfterTheArchive() throws IOException {
        Path jar = fatJar("build 1");
        ClassDataSharing.Plan first = ClassDataSharing.prepare(jar, "svc", fakeExtractor);
        jvmWritesArchive(first);
        ClassDataSharing.keepRecording(first, 0);
        Path oldBuild = first.jar().getParent();

        Files.writeString(jar, "build 2, longer than the first");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        ClassDataSharing.Plan afterRebuild = ClassDataSharing.prepare(jar, "svc", fakeExtractor);

        assertThat(afterRebuild.needsTraining()).as("the old build's archive is not used").isTrue();
        assertThat(afterRebuild.flags()).isEmpty();
        assertThat(afterRebuild.needsTraining()).isTrue();
        assertThat(Files.readString(afterRebuild.jar())).endsWith("build 2, longer than the first");
        assertThat(oldBuild).as("the old build's extraction and archive are removed").doesNotExist();
        assertThat(extractions).hasValue(2);
    }

    @Test
    void shouldDropTheRecordingOfAFailedOrKilledTrainingRun() throws IOException {
        ClassDataSharing.Plan first = ClassDataSharing.prepare(fatJar("build 1"), "svc", fakeExtractor);
        jvmWritesArchive(first);
        assertThat(ClassDataSharing.keepRecording(first, 1)).as("context refresh failed").isFalse();
        assertThat(first.recording().orElseThrow()).doesNotExist();

        jvmWritesArchive(first);
        assertThat(ClassDataSharing.keepRecording(first, 137)).as("SIGKILL").isFalse();

        assertThat(first.recording().orElseThrow()).doesNotExist();
        assertThat(ClassDataSharing.prepare(fatJar("build 1"), "svc", fakeExtractor).needsTraining()).isTrue();
    }

    @Test
    void shouldKeepNothingWhenTheJvmWroteNoArchive() throws IOException {
        ClassDataSharing.Plan first = ClassDataSharing.prepare(fatJar("build 1"), "svc", fakeExtractor);

        assertThat(ClassDataSharing.keepRecording(first, 0)).isFalse();
        assertThat(first.jar().getParent().resolve("svc.jsa")).doesNotExist();
    }

    @Test
    void shouldStartTheFatJarWhenExtractionFails() throws IOException {
        Path jar = fatJar("build 1");

        ClassDataSharing.Plan plan = ClassDataSharing.prepare(jar, "svc", (fatJar, destination) -> {
            throw new IOException("disk full");
        });

        assertThat(plan).isEqualTo(ClassDataSharing.Plan.fatJar(jar));
        assertThat(plan.flags()).isEmpty();
        assertThat(jar.getParent().resolve("cds")).isEmptyDirectory();
    }

    @Test
    void shouldStartTheFatJarWhenTheExtractionLacksTheApplicationJar() throws IOException {
        Path jar = fatJar("build 1");

        ClassDataSharing.Plan plan = ClassDataSharing.prepare(jar, "svc",
                (fatJar, destination) -> Files.createDirectories(destination));

        assertThat(plan).isEqualTo(ClassDataSharing.Plan.fatJar(jar));
    }

    @Test
    void shouldStartTheFatJarWhenSwitchedOff() throws IOException {
        Path jar = fatJar("build 1");

        ClassDataSharing.Plan plan = ClassDataSharing.prepare(jar, "svc", Map.of(ClassDataSharing.SWITCH, "off"));

        assertThat(plan).isEqualTo(ClassDataSharing.Plan.fatJar(jar));
        assertThat(jar.getParent().resolve("cds")).doesNotExist();
    }

    @Test
    void shouldTrainWithTheServicesOwnCommandAndThenStartWithTheArchive() throws IOException {
        ClassDataSharing.Plan plan = ClassDataSharing.prepare(fatJar("build 1"), "svc", fakeExtractor);
        List<String> command = ServiceLaunch.command(plan,
                Map.of(ServiceLaunch.EXTRA_JAVA_OPTS, "-XX:TieredStopAtLevel=4"));
        ServiceLaunch launch = new ServiceLaunch("svc", command, Map.of("SERVER_PORT", "1"), repo.resolve("svc.log"),
                1, plan);

        assertThat(launch.trainingCommand()).containsSubsequence(ChildProcess.SERVICE_JVM_FLAGS)
                .containsSubsequence(plan.trainingFlags().get(0), "-XX:TieredStopAtLevel=4", "-jar",
                        plan.jar().toString())
                .endsWith(plan.jar().toString());

        ServiceLaunch trained = launch.withClassData(plan.usingArchive());
        String archiveFlag = "-XX:SharedArchiveFile=" + plan.archive().orElseThrow();
        assertThat(trained.command()).containsSubsequence(ChildProcess.SERVICE_JVM_FLAGS)
                .containsSubsequence(archiveFlag, "-Xshare:auto", "-XX:TieredStopAtLevel=4", "-jar",
                        plan.jar().toString())
                .doesNotContain(plan.trainingFlags().get(0), "-Dspring.context.exit=onRefresh")
                .endsWith(plan.jar().toString());
        assertThat(trained.command()).hasSize(command.size() + plan.usingArchive().flags().size());
        assertThat(trained.withClassData(plan.withoutArchive()).command()).isEqualTo(command);
    }

    private Path fatJar(String content) throws IOException {
        Path jar = repo.resolve("svc").resolve("target").resolve("svc.jar");
        Files.createDirectories(jar.getParent());
        if (!Files.exists(jar)) {
            Files.writeString(jar, content);
        }
        return jar;
    }

    private static void jvmWritesArchive(ClassDataSharing.Plan plan) throws IOException {
        Files.writeString(plan.recording().orElseThrow(), "archived classes");
    }
}
