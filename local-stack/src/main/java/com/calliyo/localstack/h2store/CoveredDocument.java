package com.calliyo.localstack.h2store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The small document of an {@link OrderedIndex} entry's values that a covered query is matched against, one instance
 * refilled for each entry of a walk or a count. Building a new one per entry made a count of a company's 100,000 leads
 * allocate 100,000 documents (and their embedded ones), which with the launcher's small heap meant collections during
 * every list. Filled exactly as a new one would be: the fields in index order, a missing value left out, an embedded
 * document only where a value goes through it. Not for several threads: each walk or count has its own.
 */
final class CoveredDocument {

    private final List<String[]> paths = new ArrayList<>();
    /** For each path, the dotted prefix of each embedded level ("status" for "status.kind"). */
    private final List<String[]> prefixes = new ArrayList<>();
    private final int indexedFields;
    private final Document root = new Document();
    private final Map<String, Document> embedded = new HashMap<>();

    /** {@code fields}: the indexed fields, then {@code _id} if the index does not name it (the entry's position). */
    CoveredDocument(List<String> fields, int indexedFields) {
        this.indexedFields = indexedFields;
        for (String field : fields) {
            String[] parts = field.split("\\.", -1);
            String[] levels = new String[parts.length - 1];
            for (int j = 0; j < levels.length; j++) {
                levels[j] = j == 0 ? parts[0] : levels[j - 1] + "." + parts[j];
            }
            paths.add(parts);
            prefixes.add(levels);
        }
    }

    /** The document of these values (and position, for a trailing _id); valid until the next call. */
    Document fill(Object[] values, Object position) {
        root.clear();
        embedded.values().forEach(Document::clear);
        for (int i = 0; i < paths.size(); i++) {
            Object value = i < indexedFields ? values[i] : position;
            if (value instanceof Missing) {
                continue;
            }
            String[] parts = paths.get(i);
            Document parent = root;
            for (int j = 0; j < parts.length - 1; j++) {
                Object child = parent.get(parts[j]);
                if (!(child instanceof Document)) {
                    child = embedded.computeIfAbsent(prefixes.get(i)[j], prefix -> new Document());
                    parent.put(parts[j], child);
                }
                parent = (Document) child;
            }
            parent.put(parts[parts.length - 1], value);
        }
        return root;
    }
}
