package com.calliyo.reporting.conversion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.calliyo.lead.events.StatusKind;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.aggregation.ComparisonOperators;
import org.springframework.data.mongodb.core.aggregation.ConditionalOperators;
import org.springframework.data.mongodb.core.aggregation.GroupOperation;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Conversion counts computed from the current {@link LeadFact}s of one company: leads = its facts, conversions =
 * facts whose status kind is CUSTOMER now. Uses only $match, $unwind, $group, $sum and $cond, which the embedded
 * MongoDB-wire store supports as well as MongoDB.
 */
@Component
class ConversionMetrics {

    static final String TOTAL_KEY = "total";
    static final String TOTAL_LABEL = "All leads";

    private final MongoTemplate mongo;

    ConversionMetrics(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    ConversionReport conversions(String companyId, Optional<ConversionGroup> groupBy) {
        ConversionRow total = count(companyId, null).stream()
                .findFirst()
                .map(counts -> row(TOTAL_KEY, TOTAL_LABEL, counts))
                .orElse(row(TOTAL_KEY, TOTAL_LABEL, 0, 0));
        List<ConversionRow> rows = groupBy.map(group -> count(companyId, group).stream()
                        .map(counts -> row(key(counts), group.label(key(counts)), counts))
                        .sorted(Comparator.comparingLong(ConversionRow::leads).reversed()
                                .thenComparing(ConversionRow::key, Comparator.nullsLast(Comparator.naturalOrder())))
                        .toList())
                .orElse(List.of());
        return new ConversionReport(rows, total);
    }

    static double rate(long conversions, long leads) {
        if (leads == 0) {
            return 0;
        }
        return BigDecimal.valueOf(conversions)
                .divide(BigDecimal.valueOf(leads), 4, RoundingMode.HALF_UP)
                .doubleValue();
    }

    static ConversionRow row(String key, String label, long leads, long conversions) {
        return new ConversionRow(key, label, leads, conversions, rate(conversions, leads));
    }

    /** One document per group (or one in all when {@code group} is null): {@code _id}, {@code leads}, {@code conversions}. */
    private List<Document> count(String companyId, ConversionGroup group) {
        List<AggregationOperation> stages = new ArrayList<>();
        stages.add(Aggregation.match(where("companyId").is(companyId)));
        if (group == ConversionGroup.TAG) {
            stages.add(Aggregation.unwind(group.field()));
        }
        GroupOperation byKey = group == null ? Aggregation.group() : Aggregation.group(group.field());
        stages.add(byKey.count().as("leads").sum(customerCount()).as("conversions"));
        return mongo.aggregate(Aggregation.newAggregation(stages), LeadFact.COLLECTION, Document.class)
                .getMappedResults();
    }

    private static ConditionalOperators.Cond customerCount() {
        return ConditionalOperators
                .when(ComparisonOperators.valueOf("statusKind").equalToValue(StatusKind.CUSTOMER.name()))
                .then(1)
                .otherwise(0);
    }

    private static ConversionRow row(String key, String label, Document counts) {
        return row(key, label, number(counts, "leads"), number(counts, "conversions"));
    }

    private static String key(Document counts) {
        Object id = counts.get("_id");
        return id == null ? null : id.toString();
    }

    private static long number(Document counts, String field) {
        Object value = counts.get(field);
        return value instanceof Number number ? number.longValue() : 0;
    }
}
