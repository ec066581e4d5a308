package school.evidence.command.trustplan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import school.evidence.kernel.trust.TrustEvents.SchoolJoinedTrust;
import school.evidence.kernel.trustplan.TrustPlanEvents.TrustActionAdded;
import school.evidence.kernel.trustplan.TrustPlanEvents.TrustPlanCreated;
import school.evidence.ledger.LedgerReader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads from the ledger, only when a record cites an action its school's own plan does not have: the school's trusts
 * (their join events, by kind), the plans created (by kind: a handful per trust), then each covering plan's stream.
 */
@Component
class LedgerTrustActionLookup implements TrustActionLookup {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LedgerReader ledger;
    private final EventStore eventStore;

    LedgerTrustActionLookup(LedgerReader ledger, EventStore eventStore) {
        this.ledger = ledger;
        this.eventStore = eventStore;
    }

    @Override
    public Set<String> takenPartIn(String schoolUrn, String academicYear) {
        Set<String> trusts = Set.copyOf(ledger.aggregatesWithEventInSchool(schoolUrn, SchoolJoinedTrust.class.getName()));
        if (trusts.isEmpty()) {
            return Set.of();
        }
        List<String> plans = new ArrayList<>();
        ledger.forEachOfTypes(List.of(TrustPlanCreated.class.getName()), event -> {
            JsonNode created = parse(event.payload()); // ids and years are stored in clear; only the title is sealed
            if (trusts.contains(created.path("trustId").asText())
                    && created.path("fromYear").asText().compareTo(academicYear) <= 0
                    && created.path("toYear").asText().compareTo(academicYear) >= 0) {
                plans.add(created.path("planId").asText());
            }
        });
        Set<String> actions = new HashSet<>();
        for (String planId : plans) {
            eventStore.readEvents(planId).asStream().forEach(event -> {
                if (event.getPayload() instanceof TrustActionAdded added
                        && (added.allSchools() || added.schools().contains(schoolUrn))) {
                    actions.add(added.actionId());
                }
            });
        }
        return Set.copyOf(actions);
    }

    private static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new IllegalStateException("An event in the ledger is not JSON", e);
        }
    }
}
