package com.calliyo.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One row of the contract's route table, {@code docs/api-routes.csv} (shared with the gateway's tests). */
record ContractRoute(String method, String path, String service, Set<String> who) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    static List<ContractRoute> all() {
        try {
            return Files.readAllLines(RepoRoot.find().resolve("docs/api-routes.csv")).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(","))
                    .map(cells -> new ContractRoute(cells[0], cells[1], cells[2], Set.of(cells[3].split(" "))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isPublic() {
        return who.contains("public");
    }

    boolean isForAnyRole() {
        return who.contains("any");
    }

    boolean hasIds() {
        return PLACEHOLDER.matcher(path).find();
    }

    /** The path with each {@code {name}} replaced by {@code ids.get(name)}. */
    String pathWith(Map<String, String> ids) {
        Matcher matcher = PLACEHOLDER.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String id = ids.get(matcher.group(1));
            if (id == null) {
                throw new IllegalArgumentException("no id for {" + matcher.group(1) + "} in " + path);
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(id));
        }
        return matcher.appendTail(filled).toString();
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
