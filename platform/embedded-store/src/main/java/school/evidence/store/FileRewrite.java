package school.evidence.store;

import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The store's file copied whole into a new one at shutdown, when H2's own compaction left it mostly superseded. */
final class FileRewrite {

    private static final Logger log = LoggerFactory.getLogger(FileRewrite.class);

    /**
     * At shutdown, after H2's own compaction of at most 5 s, a file still this sparse (by H2's count of live space)
     * is copied whole once closed. H2's compaction moves only what it reaches in those seconds: the bench's
     * 250,000-event store stayed at 8.9 GB, 47% live by that count (4.2 GB), and the copy made it 1.9 GB in 15 s.
     * Only up to 4 GB by that count, so a shutdown stays within about 20 s on the bench machine (14 s for the
     * 100,000-event store); a bigger store keeps its file as H2 left it.
     */
    static final int BELOW_LIVE_PERCENT = 60;
    static final long UP_TO_LIVE_BYTES = 4L << 30;

    private FileRewrite() {
    }

    /** Judged after H2's compaction, which drops the retention time: before it, recent chunks all count as live. */
    static boolean worthIt(long fileBytes, int livePercent) {
        return livePercent < BELOW_LIVE_PERCENT && fileBytes / 100 * livePercent <= UP_TO_LIVE_BYTES;
    }

    /**
     * Copies a closed store's live pages into a new file that then replaces it (H2's own tool: the copy is made
     * beside it and renamed over it, so a kill midway leaves the old file, and the next open removes the copy).
     */
    static void copyWhole(String file) {
        try {
            long before = Files.size(Path.of(file));
            long started = System.nanoTime();
            MVStoreTool.compact(file, false);
            log.info("The embedded store's file was rewritten at shutdown: {} MB -> {} MB in {} ms", before >> 20,
                     Files.size(Path.of(file)) >> 20, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException | IOException e) {
            log.warn("The embedded store's file could not be rewritten at shutdown; it is kept as it was", e);
        }
    }

    /** Before opening: a copy cut off by a kill at shutdown leaves a temporary file beside the store; it goes. */
    static void cleanUp(String file) {
        MVStoreTool.compactCleanUp(file);
    }
}
