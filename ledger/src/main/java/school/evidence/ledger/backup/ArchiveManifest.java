package school.evidence.ledger.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an archive holds, written last as {@code manifest.json}: which positions of the ledger it covers, what came
 * before it in its chain, each school's log, and the SHA-256 of every other file, so that a file changed, missing or
 * taken from another archive is named before anything is restored.
 *
 * @param archiveId         unique per archive; an incremental names its predecessor's
 * @param school            null for the whole ledger; a URN for one school's own archive
 * @param afterPosition     the predecessor's last position (0 for a full archive): this one holds the positions after it
 * @param lastPosition      the last position the ledger had handed out when the archive was taken
 * @param covered           every event up to this position was in its school's log when the archive was taken
 * @param holes             positions up to {@code lastPosition} that never received an event (a restore marks them void)
 * @param schools           each school's log as archived: leaves from {@code leavesFrom} up to {@code size}
 * @param companions        other collections copied as stored (the subject key store), with their document counts
 * @param files             file name to lowercase hex SHA-256 of its bytes
 * @param keptApart         what the archive deliberately does not hold, for the operator to keep safe elsewhere
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArchiveManifest(int format, String archiveId, String school, String previousArchiveId,
                              long afterPosition, long lastPosition, String takenAt, long covered, long events,
                              long voids, long holes, long leaves, long checkpoints, Map<String, SchoolPart> schools,
                              Map<String, Long> companions, Map<String, String> files, List<String> keptApart,
                              String signingKeyId) {

    public static final int FORMAT = 1;
    public static final String FILE = "manifest.json";
    public static final String SIGNATURE_FILE = "manifest.sig";
    public static final String SUMS_FILE = "SHA256SUMS";

    /** One school's log in the archive: leaves {@code leavesFrom..size-1}, and the root of all {@code size}. */
    public record SchoolPart(long leavesFrom, long size, Long receiptsFrom, String root) {
    }

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                                                      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public boolean incremental() {
        return previousArchiveId != null;
    }

    public boolean wholeLedger() {
        return school == null;
    }

    byte[] toBytes() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ArchiveManifest read(Path folder) throws IOException {
        return JSON.readValue(Files.readAllBytes(folder.resolve(FILE)), ArchiveManifest.class);
    }
}
