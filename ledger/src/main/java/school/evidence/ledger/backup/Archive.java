package school.evidence.ledger.backup;

import org.bson.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** One archive folder as written by {@link LedgerBackup}, and the chains archives make in a backups folder. */
public record Archive(Path folder, ArchiveManifest manifest) {

    static final String EVENTS = "events.jsonl.gz";
    static final String LEAVES = "leaves.jsonl.gz";
    static final String CHECKPOINTS = "checkpoints.jsonl.gz";

    public static Archive open(Path folder) {
        if (!Files.isRegularFile(folder.resolve(ArchiveManifest.FILE))) {
            throw new ArchiveRefused(folder.getFileName() + " is not an archive: it has no " + ArchiveManifest.FILE);
        }
        try {
            return new Archive(folder, ArchiveManifest.read(folder));
        } catch (IOException e) {
            throw new ArchiveRefused(folder.getFileName() + ": its manifest cannot be read (" + e.getMessage() + ")");
        }
    }

    public String name() {
        return folder.getFileName().toString();
    }

    void events(Consumer<Document> each) {
        read(EVENTS, each);
    }

    void leaves(Consumer<Document> each) {
        read(LEAVES, each);
    }

    void checkpoints(Consumer<Document> each) {
        read(CHECKPOINTS, each);
    }

    void companion(Companion companion, Consumer<Document> each) {
        if (manifest.files().containsKey(companion.file())) {
            read(companion.file(), each);
        }
    }

    /** The documents a companion collection has in this archive (empty if it has none). */
    public List<Document> companionDocuments(String collection) {
        List<Document> documents = new ArrayList<>();
        companion(Companion.whole(collection), documents::add);
        return documents;
    }

    private void read(String file, Consumer<Document> each) {
        try {
            JsonLines.read(folder.resolve(file), each);
        } catch (IOException e) {
            throw new UncheckedIOException(name() + "/" + file + " cannot be read", e);
        }
    }

    /** Every finished archive in a backups folder, oldest first (a folder still being written ends in .partial). */
    public static List<Archive> all(Path backups) {
        if (!Files.isDirectory(backups)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(backups)) {
            return folders.filter(f -> Files.isRegularFile(f.resolve(ArchiveManifest.FILE)))
                          .flatMap(Archive::readable)
                          .sorted(Comparator.comparing((Archive a) -> a.manifest().takenAt()).thenComparing(Archive::name))
                          .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An archive whose manifest cannot be read is left out of a folder's list (a restore of it is refused). */
    private static Stream<Archive> readable(Path folder) {
        try {
            return Stream.of(open(folder));
        } catch (ArchiveRefused unreadable) {
            return Stream.empty();
        }
    }

    /** The newest archive of the whole ledger in a backups folder, if any. */
    public static Optional<Archive> newest(Path backups) {
        List<Archive> all = all(backups).stream().filter(a -> a.manifest().wholeLedger()).toList();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * The chain that restores {@code last}: the full archive it starts from, then each incremental in turn, found by
     * their ids among the archives beside it. A missing link refuses, naming it.
     */
    public static List<Archive> chainTo(Archive last) {
        Map<String, Archive> byId = new HashMap<>();
        all(last.folder().toAbsolutePath().getParent()).forEach(a -> byId.put(a.manifest().archiveId(), a));
        List<Archive> chain = new ArrayList<>();
        Archive at = last;
        chain.add(at);
        while (at.manifest().incremental()) {
            Archive before = byId.get(at.manifest().previousArchiveId());
            if (before == null) {
                throw new ArchiveRefused("The chain is broken: " + at.name() + " follows archive "
                                                 + at.manifest().previousArchiveId() + ", which is not in "
                                                 + last.folder().toAbsolutePath().getParent());
            }
            chain.add(0, before);
            at = before;
        }
        return chain;
    }

    /**
     * What to restore from a path: an archive folder gives its chain; a backups folder gives the chain of its newest
     * archive of the whole ledger.
     */
    public static List<Archive> chainFrom(Path path) {
        if (Files.isRegularFile(path.resolve(ArchiveManifest.FILE))) {
            return chainTo(open(path));
        }
        return chainTo(newest(path).orElseThrow(() -> new ArchiveRefused("There is no archive in " + path)));
    }
}
