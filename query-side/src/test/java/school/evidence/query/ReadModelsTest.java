package school.evidence.query;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import school.evidence.query.governance.Meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadModelsTest {

    @Test
    void readsAStoredDocumentAsItsRecordLeavingTheStorageKeysBehind() {
        Document stored = new Document("_id", "m1").append("seq", 4L).append("meetingId", "m1")
                .append("schoolUrn", "108520").append("kind", "COMMITTEE").append("committee", "Standards")
                .append("heldOn", "2024-02-01").append("title", "Spring data");
        assertThat(ReadModels.as(stored, Meeting.class))
                .isEqualTo(new Meeting("m1", "108520", "COMMITTEE", "Standards", "2024-02-01", "Spring data"));
    }

    @Test
    void underTestAStoredFieldTheReplyDoesNotNameFailsTheRead() {
        Document grown = new Document("meetingId", "m1").append("minutesTakenBy", "clerk");
        assertThatThrownBy(() -> ReadModels.as(grown, Meeting.class)).hasMessageContaining("minutesTakenBy");
    }
}
