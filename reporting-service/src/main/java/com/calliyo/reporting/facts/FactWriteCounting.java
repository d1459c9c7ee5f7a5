package com.calliyo.reporting.facts;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.bson.Document;

/**
 * How a collection's writes are counted: by which company (from the document as stored) and whether each fact
 * carries the write's stamp. {@link #NONE}: not counted.
 */
record FactWriteCounting(FactGenerations generations, boolean stamped, Function<Document, String> companyOf) {

    static final FactWriteCounting NONE = new FactWriteCounting(null, false, document -> null);

    /** Lead, order and call facts: counted by their {@code companyId} and stamped. */
    static FactWriteCounting stamped(FactGenerations generations) {
        return new FactWriteCounting(generations, true, document -> document.getString("companyId"));
    }

    /** Company facts: counted (a kept snapshot reads them again), not stamped. */
    static FactWriteCounting counted(FactGenerations generations, Function<Document, String> companyOf) {
        return new FactWriteCounting(generations, false, companyOf);
    }

    /** Runs {@code write} of {@code documents} as one write of their companies, stamping them first. */
    <T> T write(Collection<Document> documents, Supplier<T> write) {
        if (generations == null) {
            return write.get();
        }
        Set<String> companies = new HashSet<>();
        documents.forEach(document -> companies.add(companyOf.apply(document)));
        return generations.writing(companies, stamps -> {
            if (stamped) {
                documents.forEach(document -> document.put(FactGenerations.STAMP,
                        stamps.getOrDefault(companyOf.apply(document), 0L)));
            }
            return write.get();
        });
    }
}
