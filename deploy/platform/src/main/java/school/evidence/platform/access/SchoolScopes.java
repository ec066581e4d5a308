package school.evidence.platform.access;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import school.evidence.ledger.LedgerFields;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which school a request is about, read from the ledger itself (not a projection), so a permission never depends on
 * a read model having caught up: the school a recorded thing was filed under, and the trusts a school has joined.
 */
public class SchoolScopes {

    private static final Pattern PLAN_ID = Pattern.compile("^(\\d{6})-\\d{4}-\\d{2}$");
    private static final String TRUST_AGGREGATE = "Trust";

    private final MongoCollection<Document> events;

    public SchoolScopes(MongoDatabase database) {
        this.events = database.getCollection("events");
    }

    /** A plan's id starts with its school's URN. */
    public Optional<String> schoolOfPlan(String planId) {
        var m = PLAN_ID.matcher(planId);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The school the ledger filed a record of that kind (a monitoring activity, a challenge) under. */
    public Optional<String> schoolOfRecord(String aggregateId, String aggregateType) {
        Document first = events.find(Filters.and(Filters.eq(LedgerFields.AGGREGATE_ID, aggregateId),
                                                 Filters.eq(LedgerFields.AGGREGATE_TYPE, aggregateType)))
                               .projection(Projections.include(LedgerFields.SCHOOL)).limit(1).first();
        return Optional.ofNullable(first).map(d -> d.getString(LedgerFields.SCHOOL));
    }

    /** The trusts a school has joined (a trust's events about a school are filed under that school). */
    public Set<String> trustsOf(String urn) {
        Set<String> trusts = new HashSet<>();
        events.find(Filters.and(Filters.eq(LedgerFields.SCHOOL, urn),
                                Filters.eq(LedgerFields.AGGREGATE_TYPE, TRUST_AGGREGATE)))
              .projection(Projections.include(LedgerFields.AGGREGATE_ID))
              .forEach(d -> trusts.add(d.getString(LedgerFields.AGGREGATE_ID)));
        return trusts;
    }
}
