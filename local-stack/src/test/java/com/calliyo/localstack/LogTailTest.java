package com.calliyo.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void shouldKeepOnlyTheLastLines() throws IOException {
        Path log = dir.resolve("a.log");
        Files.writeString(log, IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i)
                .collect(Collectors.joining("\n", "", "\n")));

        assertThat(LogTail.lastLines(log, 3).lines()).containsExactly("line 98", "line 99", "line 100");
        assertThat(LogTail.describe(log)).startsWith("Last 40 lines of " + log + ":")
                .contains("    line 61").doesNotContain("line 60" + System.lineSeparator());
    }

    @Test
    void shouldSayWhenThereIsNoLog() {
        assertThat(LogTail.lastLines(dir.resolve("missing.log"), 40)).startsWith("(no log at ");
    }
}
