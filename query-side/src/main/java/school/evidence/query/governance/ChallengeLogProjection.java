package school.evidence.query.governance;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;
import school.evidence.kernel.governance.GovernanceEvents.ChallengeAnswered;
import school.evidence.kernel.governance.GovernanceEvents.ChallengeClosed;
import school.evidence.kernel.governance.GovernanceEvents.ChallengeFollowedUp;
import school.evidence.kernel.governance.GovernanceEvents.ChallengeRaised;
import school.evidence.kernel.governance.GovernanceEvents.MeetingRecorded;
import school.evidence.platform.axon.CommandMetadata;
import school.evidence.query.RecordedAt;

import java.util.ArrayList;
import java.util.function.Consumer;

import static com.mongodb.client.model.Filters.eq;
import static school.evidence.query.ReadModels.SCHOOL_URN;

/** Meetings, and each challenge with its answers, follow-ups and what changed. */
@Component
@ProcessingGroup("challenge-log")
class ChallengeLogProjection {

    static final String MEETINGS = "governance_meetings";
    static final String CHALLENGES = "challenges";

    private final MongoCollection<Document> meetings;
    private final MongoCollection<Document> challenges;

    ChallengeLogProjection(MongoDatabase database) {
        this.meetings = database.getCollection(MEETINGS);
        this.challenges = database.getCollection(CHALLENGES);
        school.evidence.query.ReadModelIndexes.ensure(meetings, "schoolByDate",
                                                      com.mongodb.client.model.Indexes.ascending(school.evidence.query.ReadModels.SCHOOL_URN, "heldOn"));
        school.evidence.query.ReadModelIndexes.ensure(challenges, "schoolByDate", com.mongodb.client.model.Indexes
                .ascending(school.evidence.query.ReadModels.SCHOOL_URN, "raisedOn", "recordedAt"));
    }

    @EventHandler
    void on(MeetingRecorded event) {
        meetings.replaceOne(eq("_id", event.meetingId()), new Document("_id", event.meetingId())
                .append("meetingId", event.meetingId()).append(SCHOOL_URN, event.schoolUrn())
                .append("kind", event.kind().name()).append("committee", event.committee())
                .append("heldOn", event.heldOn().toString()).append("title", event.title()),
                            new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(ChallengeRaised event, @SequenceNumber long seq, EventMessage<?> message) {
        if (challenges.find(eq("_id", event.challengeId())).first() != null) {
            return;
        }
        Document meeting = event.meetingId() == null ? null : meetings.find(eq("_id", event.meetingId())).first();
        if (meeting != null) {
            meeting.remove("_id");
        }
        challenges.insertOne(new Document("_id", event.challengeId())
                                     .append("challengeId", event.challengeId())
                                     .append(SCHOOL_URN, event.schoolUrn())
                                     .append("planId", event.planId())
                                     .append("priorityCode", event.priorityCode())
                                     .append("actionId", event.actionId())
                                     .append("meeting", meeting)
                                     .append("visitActivityId", event.visitActivityId())
                                     .append("raisedOn", event.raisedOn().toString())
                                     .append("raisedBy", event.raisedBy())
                                     .append("question", event.question())
                                     .append("status", "OPEN")
                                     .append("answers", new ArrayList<>())
                                     .append("followUps", new ArrayList<>())
                                     .append("whatChanged", null)
                                     .append("recordedAt", RecordedAt.format(message.getTimestamp()))
                                     .append("seq", seq));
    }

    @EventHandler
    void on(ChallengeAnswered event, @SequenceNumber long seq, EventMessage<?> message) {
        update(event.challengeId(), seq, c -> {
            c.getList("answers", Document.class).add(new Document("answer", event.answer())
                    .append("answeredBy", event.answeredBy()).append("recordedAt", RecordedAt.format(message.getTimestamp())));
            c.put("status", "ANSWERED");
        });
    }

    @EventHandler
    void on(ChallengeFollowedUp event, @SequenceNumber long seq, EventMessage<?> message) {
        update(event.challengeId(), seq, c -> c.getList("followUps", Document.class).add(
                new Document("followUp", event.followUp())
                        .append("dueOn", event.dueOn() == null ? null : event.dueOn().toString())
                        .append("by", message.getMetaData().get(CommandMetadata.ACTOR))
                        .append("recordedAt", RecordedAt.format(message.getTimestamp()))));
    }

    @EventHandler
    void on(ChallengeClosed event, @SequenceNumber long seq, EventMessage<?> message) {
        update(event.challengeId(), seq, c -> {
            c.put("status", "CLOSED");
            c.put("whatChanged", event.whatChanged());
            c.put("closedAt", RecordedAt.format(message.getTimestamp()));
        });
    }

    @ResetHandler
    void reset() {
        meetings.deleteMany(new Document());
        challenges.deleteMany(new Document());
    }

    private void update(String id, long seq, Consumer<Document> change) {
        Document challenge = challenges.find(eq("_id", id)).first();
        if (challenge == null || challenge.getLong("seq") >= seq) {
            return;
        }
        change.accept(challenge);
        challenge.put("seq", seq);
        challenges.replaceOne(eq("_id", id), challenge);
    }
}
