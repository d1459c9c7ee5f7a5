package com.calliyo.localstack;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;

/** One line per step on standard output, prefixed so that it stands out from whatever else shares the terminal. */
final class Console {

    private static final String PREFIX = "[local-stack] ";

    private Console() {
    }

    static void step(String message) {
        System.out.println(PREFIX + message);
    }

    static void error(String message) {
        System.err.println(PREFIX + message);
    }

    /** Seconds since {@code startNanos} (a {@link System#nanoTime()} reading), e.g. "3.1 s". */
    static String since(long startNanos) {
        return seconds(System.nanoTime() - startNanos);
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /** A path relative to the working directory when it lies below it, else absolute: shorter lines. */
    static String shortPath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return absolute.startsWith(cwd) && !absolute.equals(cwd)
                ? "." + File.separator + cwd.relativize(absolute) : absolute.toString();
    }
}
