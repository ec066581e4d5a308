package school.evidence.query.selfevaluation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import school.evidence.kernel.selfevaluation.SelfEvaluationCommands.Rating;
import school.evidence.kernel.selfevaluation.SelfEvaluationRecorded;
import school.evidence.query.EmbeddedMongo;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static school.evidence.query.EmbeddedMongo.event;
import static school.evidence.query.EmbeddedMongo.feed;

class SelfEvaluationProjectionTest {

    @RegisterExtension
    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    @Test
    void keepsEveryEvaluationAndTheHistoryOfEachStandard() {
        var db = MONGO.freshDatabase();
        SelfEvaluationProjection projection = new SelfEvaluationProjection(db);
        SelfEvaluationQueryController reads = new SelfEvaluationQueryController(new SelfEvaluations(db));
        assertThatThrownBy(() -> reads.latest("108520")).hasMessageContaining("no self-evaluation");
        feed(projection,
             event("SelfEvaluation", "e2", 0, new SelfEvaluationRecorded("e2", "108520", LocalDate.of(2024, 6, 10), List.of(
                     new Rating(6, "G", 2, null, "Conferencing termly in most subjects", "Extend to foundation"))), "slt"),
             event("SelfEvaluation", "e1", 0, new SelfEvaluationRecorded("e1", "108520", LocalDate.of(2023, 10, 2), List.of(
                     new Rating(6, "G", 3, null, "Pupil voice in few subjects", "Termly conferencing"),
                     new Rating(2, "A", 2, "4b", "Termly data drops", "Map interventions"))), "slt"));

        assertThat(reads.evaluations("108520")).extracting(SelfEvaluation::evaluationId).containsExactly("e1", "e2");
        SelfEvaluation.StandardHistory history = reads.history("108520", 6, "G");
        assertThat(history.title()).startsWith("Pupil conferencing");
        assertThat(history.history()).extracting(SelfEvaluation.Rated::rating).containsExactly(3, 2);
        assertThat(reads.latest("108520").evaluatedOn()).isEqualTo("2024-06-10");
        assertThat(reads.latest("108520").ratings().get(0).ratingMeaning())
                .startsWith("Developing feature");
        assertThatThrownBy(() -> reads.history("108520", 3, "A")).hasMessageContaining("no quality standard 3A");
    }
}
