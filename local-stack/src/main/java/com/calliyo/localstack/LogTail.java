package com.calliyo.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/** The last lines of a child's log, for the message that explains why it did not start. */
final class LogTail {

    static final int LINES = 40;

    private LogTail() {
    }

    static String lastLines(Path file, int count) {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        Deque<String> lines = new ArrayDeque<>(count);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (lines.size() == count) {
                    lines.removeFirst();
                }
                lines.addLast(line);
            }
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
        return lines.isEmpty() ? "(log is empty)" : String.join(System.lineSeparator(), lines);
    }

    /** "last N lines of FILE:" followed by the lines, indented. */
    static String describe(Path file) {
        String tail = lastLines(file, LINES).replace(System.lineSeparator(), System.lineSeparator() + "    ");
        return "Last " + LINES + " lines of " + file + ":" + System.lineSeparator() + "    " + tail;
    }
}
