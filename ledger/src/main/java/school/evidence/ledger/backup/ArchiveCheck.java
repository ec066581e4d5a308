package school.evidence.ledger.backup;

import org.bson.Document;
import school.evidence.ledger.LedgerFields;
import school.evidence.ledger.merkle.Checkpoint;
import school.evidence.ledger.merkle.Checkpoints;
import school.evidence.ledger.merkle.LeafEncoding;
import school.evidence.ledger.merkle.MerkleTree;
import school.evidence.ledger.merkle.Signatures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a chain of archives with nothing but the files and the public key, before anything is restored: every
 * file's hash against its manifest (and each manifest's signature), the links of the chain, every event's bytes
 * against its leaf hash, every leaf against the event at its position, and each school's root against every
 * checkpoint signed for it. The first problem refuses the chain with an {@link ArchiveRefused} naming it.
 */
public final class ArchiveCheck {

    /**
     * What a chain that checks out holds; {@code unsigned} archives have no manifest signature, so events their logs
     * had not taken in yet (and the tail after the last checkpoint) are vouched for by no signature.
     */
    public record Checked(long events, long leaves, long checkpoints, Map<String, Long> schoolSizes,
                          List<String> unsigned) {
    }

    private final PublicKey key;
    /** Every event's position and leaf hash, in position order (voids have none): the leaves are matched to them. */
    private long[] positions = new long[1024];
    private byte[] hashes = new byte[1024 * 32];
    private int stored;
    private final List<String> unsigned = new java.util.ArrayList<>();

    private ArchiveCheck(PublicKey key) {
        this.key = key;
    }

    public static Checked check(List<Archive> chain, PublicKey key) {
        return new ArchiveCheck(key).run(chain);
    }

    private Checked run(List<Archive> chain) {
        Archive previous = null;
        for (Archive archive : chain) {
            files(archive);
            link(previous, archive);
            previous = archive;
        }
        long events = 0;
        for (Archive archive : chain) {
            events += events(archive);
        }
        Map<String, Checkpoint> signed = new HashMap<>();
        Map<String, TreeMap<Long, Checkpoint>> bySchool = new TreeMap<>();
        for (Archive archive : chain) {
            archive.checkpoints(doc -> {
                Checkpoint c = Checkpoints.fromDocument(doc);
                Checkpoint same = signed.putIfAbsent(doc.getString("_id"), c);
                if (same != null && !same.equals(c)) {
                    throw refused(archive, "checkpoint " + doc.getString("_id") + " differs from the one an earlier "
                            + "archive of the chain holds: files from different ledgers were mixed");
                }
                if (!c.verifies(key)) {
                    throw refused(archive, "the checkpoint of school " + c.school() + " at size " + c.treeSize()
                            + " is not signed by the public key given");
                }
                bySchool.computeIfAbsent(c.school(), s -> new TreeMap<>()).put(c.treeSize(), c);
            });
        }
        Map<String, MerkleTree.StreamingRoot> roots = new TreeMap<>();
        long leaves = 0;
        for (Archive archive : chain) {
            leaves += leaves(archive, roots, bySchool);
        }
        bySchool.forEach((school, checkpoints) -> {
            long size = roots.containsKey(school) ? roots.get(school).size() : 0;
            if (checkpoints.lastKey() > size) {
                throw refused(chain.get(chain.size() - 1), "school " + school + " has a checkpoint of size "
                        + checkpoints.lastKey() + " but only " + size + " leaves: leaves were removed");
            }
        });
        Map<String, Long> sizes = new TreeMap<>();
        roots.forEach((school, root) -> sizes.put(school, root.size()));
        return new Checked(events, leaves, signed.size(), sizes, List.copyOf(unsigned));
    }

    private void files(Archive archive) {
        ArchiveManifest manifest = archive.manifest();
        if (manifest.format() != ArchiveManifest.FORMAT) {
            throw refused(archive, "archive format " + manifest.format() + " is not one this version reads");
        }
        try {
            for (Map.Entry<String, String> file : manifest.files().entrySet()) {
                Path path = archive.folder().resolve(file.getKey());
                if (!Files.isRegularFile(path)) {
                    throw refused(archive, file.getKey() + " is missing");
                }
                if (!JsonLines.hashOf(path).equals(file.getValue())) {
                    throw refused(archive, file.getKey() + " is not the file this archive wrote (its SHA-256 differs "
                            + "from the manifest's): it was changed, or comes from another backup");
                }
            }
            Path signature = archive.folder().resolve(ArchiveManifest.SIGNATURE_FILE);
            if (manifest.signingKeyId() == null && !Files.exists(signature)) {
                unsigned.add(archive.name());
            } else {
                String[] lines = Files.exists(signature) ? Files.readString(signature, StandardCharsets.UTF_8).split("\n")
                        : new String[0];
                byte[] text = Files.readAllBytes(archive.folder().resolve(ArchiveManifest.FILE));
                if (lines.length < 2 || !Signatures.verifies(key, text, lines[1].strip())) {
                    throw refused(archive, "its manifest is not signed by the public key given: the manifest was "
                            + "changed, or the archive was signed by another key");
                }
            }
        } catch (IOException e) {
            throw refused(archive, "cannot be read: " + e.getMessage());
        }
    }

    private static void link(Archive previous, Archive archive) {
        ArchiveManifest m = archive.manifest();
        if (previous == null) {
            if (m.incremental()) {
                throw refused(archive, "is incremental: restore it after the archives it follows");
            }
            return;
        }
        ArchiveManifest p = previous.manifest();
        if (!p.archiveId().equals(m.previousArchiveId()) || p.lastPosition() != m.afterPosition()) {
            throw refused(archive, "does not follow " + previous.name() + " (it follows archive "
                    + m.previousArchiveId() + " from position " + m.afterPosition() + "): the chain is broken");
        }
    }

    private long events(Archive archive) {
        ArchiveManifest m = archive.manifest();
        long[] count = new long[1];
        long[] last = {m.afterPosition()};
        archive.events(event -> {
            long position = ((Number) event.get(LedgerFields.GLOBAL_INDEX)).longValue();
            if (position <= last[0] || position > m.lastPosition()) {
                throw refused(archive, "event " + event.get("_id") + " at position " + position + " is out of order "
                        + "or outside positions " + (m.afterPosition() + 1) + " to " + m.lastPosition());
            }
            last[0] = position;
            count[0]++;
            if (event.getBoolean(LedgerFields.VOID, false)) {
                return;
            }
            if (m.school() != null && !m.school().equals(event.getString(LedgerFields.SCHOOL))) {
                throw refused(archive, "event " + event.get("_id") + " belongs to another school than " + m.school());
            }
            byte[] hash = LeafEncoding.leafHash(event);
            if (!HexFormat.of().formatHex(hash).equals(event.getString(LedgerFields.LEAF_HASH))) {
                throw refused(archive, "event " + event.get("_id") + " at position " + position + " was changed: its "
                        + "bytes no longer hash to the leaf hash stored with it");
            }
            remember(position, hash);
        });
        if (count[0] != m.events() + m.voids()) {
            throw refused(archive, "holds " + count[0] + " events where its manifest says " + (m.events() + m.voids()));
        }
        return count[0];
    }

    private long leaves(Archive archive, Map<String, MerkleTree.StreamingRoot> roots,
                        Map<String, TreeMap<Long, Checkpoint>> bySchool) {
        long[] count = new long[1];
        archive.leaves(leaf -> {
            String school = leaf.getString("school");
            long index = ((Number) leaf.get("index")).longValue();
            MerkleTree.StreamingRoot root = roots.computeIfAbsent(school, s -> new MerkleTree.StreamingRoot());
            if (index != root.size()) {
                throw refused(archive, "leaf " + index + " of school " + school + " comes where leaf " + root.size()
                        + " should: leaves are missing or out of order");
            }
            long position = ((Number) leaf.get(LedgerFields.GLOBAL_INDEX)).longValue();
            byte[] hash = HexFormat.of().parseHex(leaf.getString(LedgerFields.LEAF_HASH));
            byte[] event = hashAt(position);
            if (event == null) {
                throw refused(archive, "leaf " + index + " of school " + school + " logs event " + leaf.get("eventKey")
                        + " at position " + position + ", which is not in the archive: the event was removed");
            }
            if (!Arrays.equals(event, hash)) {
                throw refused(archive, "leaf " + index + " of school " + school + " does not match event "
                        + leaf.get("eventKey") + " at position " + position + ": one of them was changed or replaced");
            }
            root.add(hash);
            count[0]++;
            Checkpoint checkpoint = bySchool.getOrDefault(school, new TreeMap<>()).get(root.size());
            if (checkpoint != null && !checkpoint.rootHash().equals(HexFormat.of().formatHex(root.root()))) {
                throw refused(archive, "the first " + root.size() + " leaves of school " + school + " do not make the "
                        + "root its checkpoint signed: a leaf was changed");
            }
        });
        if (count[0] != archive.manifest().leaves()) {
            throw refused(archive, "holds " + count[0] + " leaves where its manifest says " + archive.manifest().leaves());
        }
        archive.manifest().schools().forEach((school, part) -> {
            MerkleTree.StreamingRoot root = roots.get(school);
            if (part.size() > 0 && (root == null || root.size() != part.size()
                    || !HexFormat.of().formatHex(root.root()).equals(part.root()))) {
                throw refused(archive, "the log of school " + school + " does not end at size " + part.size()
                        + " with the root its manifest gives");
            }
        });
        return count[0];
    }

    private void remember(long position, byte[] hash) {
        if (stored == positions.length) {
            positions = Arrays.copyOf(positions, stored * 2);
            hashes = Arrays.copyOf(hashes, stored * 2 * 32);
        }
        positions[stored] = position;
        System.arraycopy(hash, 0, hashes, stored * 32, 32);
        stored++;
    }

    private byte[] hashAt(long position) {
        int at = Arrays.binarySearch(positions, 0, stored, position);
        return at < 0 ? null : Arrays.copyOfRange(hashes, at * 32, at * 32 + 32);
    }

    private static ArchiveRefused refused(Archive archive, String why) {
        return new ArchiveRefused(archive.name() + ": " + why);
    }
}
