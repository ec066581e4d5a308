package school.evidence.standalone;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger owns its storage format: no product code outside {@code ledger/} names its collections or builds its
 * event keys (ArchitectureTest checks the field names; this checks what ArchUnit cannot see, string literals).
 * Tests that tamper with storage go through the ledger's test jar ({@code RawLedger}).
 */
class LedgerFormatTest {

    private static final Pattern RAW = Pattern.compile(
            "getCollection\\(\"(events|snapshots|ledger_(counters|checkpoints|index_progress|heads|leaves|leaf_of))\"\\)"
                    + "|\\+ \":0\"|\"ledger_counters\"");

    @Test
    void noMainSourceOutsideTheLedgerReadsItsCollectionsRaw() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        assertThat(root.resolve("ledger")).isDirectory();
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                             .filter(p -> p.toString().contains("/src/main/"))
                             .filter(p -> !root.relativize(p).startsWith("ledger"))
                             .filter(p -> RAW.matcher(read(p)).find())
                             .map(p -> root.relativize(p).toString()).toList();
        }
        assertThat(offenders).as("read the ledger through LedgerReader").isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
