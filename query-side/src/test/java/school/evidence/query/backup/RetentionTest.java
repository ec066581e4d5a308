package school.evidence.query.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import school.evidence.ledger.backup.Archive;
import school.evidence.ledger.backup.ArchiveManifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which archives retention deletes: never one a kept archive needs to be restored. */
class RetentionTest {

    @TempDir
    Path folder;

    private int made;

    /** An archive taken {@code daysAgo} days ago (noon), following {@code previous} if given. */
    private ArchiveManifest archive(int daysAgo, ArchiveManifest previous) throws IOException {
        String id = "a" + (made++);
        Instant at = Instant.parse("2026-12-04T12:00:00Z").minus(daysAgo, ChronoUnit.DAYS).plusSeconds(made);
        ArchiveManifest m = new ArchiveManifest(1, id, null, previous == null ? null : previous.archiveId(),
                                                previous == null ? 0 : previous.lastPosition(), made * 10L, at.toString(),
                                                0, 10, 0, 0, 0, 0, Map.of(), Map.of(), Map.of(), List.of(), null);
        Path dir = Files.createDirectories(folder.resolve(id));
        new ObjectMapper().writeValue(dir.resolve(ArchiveManifest.FILE).toFile(), m);
        return m;
    }

    private List<String> deleted(int daily, int weekly) {
        return Retention.toDelete(Archive.all(folder), daily, weekly).stream().map(a -> a.manifest().archiveId()).toList();
    }

    @Test
    void keepsTheNewestDaysWithTheArchivesTheirChainNeeds() throws IOException {
        // a chain of four days: full 30 days ago (a0), then a full 10 days ago (a1) and daily incrementals after it
        archive(30, null);
        ArchiveManifest chain = archive(10, null);
        for (int day = 9; day >= 0; day--) {
            chain = archive(day, chain);
        }
        // keep 3 days: their incrementals reach back to the full of 10 days ago, so nothing of that chain goes;
        // weekly 0: the full of 30 days ago goes
        assertThat(deleted(3, 0)).containsExactly("a0");
        // weekly 2: the newest full of each of the two newest weeks that have one (a1 and a0)
        assertThat(deleted(3, 2)).isEmpty();
    }

    @Test
    void aNewFullArchiveLetsTheOldChainGo() throws IOException {
        ArchiveManifest old = archive(12, null);
        old = archive(11, old);
        archive(10, old); // a0..a2: an older chain
        ArchiveManifest fresh = archive(2, null);
        fresh = archive(1, fresh);
        archive(0, fresh);
        assertThat(deleted(3, 0)).containsExactlyInAnyOrder("a0", "a1", "a2");
        assertThat(deleted(3, 1)).containsExactlyInAnyOrder("a0", "a1", "a2"); // the newest full (a3) is kept anyway
        assertThat(deleted(3, 2)).containsExactlyInAnyOrder("a1", "a2"); // the older week's full stays, alone restorable
    }
}
