package com.calliyo.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The contract's route table, read from {@code docs/api-routes.csv} at the repository root. */
record ContractRoute(String method, String path, String service, Set<String> who) {

    @Override
    public String toString() {
        return method + " " + path;
    }

    static final String FILE = "docs/api-routes.csv";

    boolean isPublic() {
        return who.contains("public");
    }

    /** The path with every {@code {placeholder}} filled in with a made-up id. */
    String examplePath() {
        return path.replaceAll("\\{[A-Za-z]+}", "id-123");
    }

    static List<ContractRoute> all() {
        try {
            return Files.readAllLines(repoRoot().resolve(FILE)).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(","))
                    .map(cells -> new ContractRoute(cells[0], cells[1], cells[2], Set.of(cells[3].split(" "))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ContractRoute> needingAToken() {
        return all().stream().filter(route -> !route.isPublic()).toList();
    }

    private static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(FILE))) {
                return dir;
            }
        }
        throw new IllegalStateException(FILE + " not found above " + Path.of("").toAbsolutePath());
    }
}
