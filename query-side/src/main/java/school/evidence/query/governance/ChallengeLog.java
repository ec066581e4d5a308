package school.evidence.query.governance;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import school.evidence.query.ReadModels;
import school.evidence.query.RecordedAt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static school.evidence.query.ReadModels.SCHOOL_URN;

/** Reads a school's meetings and challenge log, now or as it stood at an instant. */
@Component
public class ChallengeLog {

    public enum Status { OPEN, ANSWERED, CLOSED }

    private final MongoCollection<Document> meetings;
    private final MongoCollection<Document> challenges;

    ChallengeLog(MongoDatabase database) {
        this.meetings = database.getCollection(ChallengeLogProjection.MEETINGS);
        this.challenges = database.getCollection(ChallengeLogProjection.CHALLENGES);
    }

    public List<Meeting> meetings(String urn) {
        return ReadModels.list(meetings.find(eq(SCHOOL_URN, urn)).sort(Sorts.ascending("heldOn"))
                                       .into(new ArrayList<>()), Meeting.class);
    }

    /** One challenge as it stands now. */
    public java.util.Optional<Challenge> one(String challengeId) {
        return java.util.Optional.ofNullable(challenges.find(eq("_id", challengeId)).first())
                                 .map(d -> ReadModels.as(d, Challenge.class));
    }

    public List<Challenge> challenges(String urn, String priorityCode, String actionId, Status status, Instant asOf) {
        List<Bson> filters = new ArrayList<>(List.of(eq(SCHOOL_URN, urn)));
        if (priorityCode != null) {
            filters.add(eq("priorityCode", priorityCode));
        }
        if (actionId != null) {
            filters.add(eq("actionId", actionId));
        }
        if (status != null && asOf == null) {
            filters.add(eq("status", status.name()));
        }
        List<Challenge> rows = ReadModels.list(challenges.find(Filters.and(filters))
                                                         .sort(Sorts.ascending("raisedOn", "recordedAt"))
                                                         .into(new ArrayList<>()), Challenge.class);
        if (asOf == null) {
            return rows;
        }
        // as the log stood then: what had been raised, answered, followed up and closed by that instant
        String at = RecordedAt.format(asOf);
        return rows.stream().filter(c -> c.recordedAt().compareTo(at) <= 0)
                   .map(c -> c.asItStood(at, asOf.toString()))
                   .filter(c -> status == null || status.name().equals(c.status())).toList();
    }
}
