package school.evidence.ledger.merkle;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checked against the Certificate Transparency reference vectors (the eight-leaf test tree of the RFC 6962
 * reference implementation: its roots, audit paths and consistency proofs), then exhaustively for every tree size
 * from 1 to 300.
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String[] INPUTS = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    private static final String[] ROOTS = {
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    private static MerkleTree reference() {
        List<byte[]> leaves = new ArrayList<>();
        for (String input : INPUTS) {
            leaves.add(MerkleTree.leafHash(HEX.parseHex(input)));
        }
        return new MerkleTree(leaves);
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    private static List<byte[]> unhex(String... hashes) {
        return java.util.Arrays.stream(hashes).map(HEX::parseHex).toList();
    }

    @Test
    void rootsMatchTheReferenceForEverySizeIncludingEmpty() {
        MerkleTree tree = reference();
        for (int size = 0; size <= 8; size++) {
            assertThat(HEX.formatHex(tree.root(size))).as("size " + size).isEqualTo(ROOTS[size]);
        }
    }

    @Test
    void theStreamingRootEqualsTheTreesRootForEverySizeUpTo300() {
        Random random = new Random(9162);
        List<byte[]> leaves = new ArrayList<>();
        MerkleTree.StreamingRoot streaming = new MerkleTree.StreamingRoot();
        assertThat(streaming.root()).isEqualTo(new MerkleTree(leaves).root());
        for (int size = 1; size <= 300; size++) {
            byte[] data = new byte[random.nextInt(40)];
            random.nextBytes(data);
            byte[] leaf = MerkleTree.leafHash(data);
            leaves.add(leaf);
            streaming.add(leaf);
            assertThat(HEX.formatHex(streaming.root())).as("size " + size)
                                                       .isEqualTo(HEX.formatHex(new MerkleTree(leaves).root()));
        }
        MerkleTree.StreamingRoot vectors = new MerkleTree.StreamingRoot();
        for (int i = 0; i < INPUTS.length; i++) {
            vectors.add(MerkleTree.leafHash(HEX.parseHex(INPUTS[i])));
            assertThat(HEX.formatHex(vectors.root())).isEqualTo(ROOTS[i + 1]);
        }
    }

    @Test
    void auditPathsMatchTheReference() {
        MerkleTree tree = reference();
        assertThat(hex(tree.inclusionProof(0, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(tree.inclusionProof(5, 8))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(tree.inclusionProof(2, 3))).containsExactly(
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertThat(hex(tree.inclusionProof(1, 5))).containsExactly(
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertThat(MerkleTree.verifyInclusion(5, 8, tree.leaf(5), tree.inclusionProof(5, 8), HEX.parseHex(ROOTS[8])))
                .isTrue();
    }

    @Test
    void consistencyProofsMatchTheReference() {
        MerkleTree tree = reference();
        assertThat(tree.consistencyProof(1, 1)).isEmpty();
        assertThat(hex(tree.consistencyProof(1, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(tree.consistencyProof(6, 8))).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(tree.consistencyProof(2, 5))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertThat(MerkleTree.verifyConsistency(6, 8, unhex("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
                HEX.parseHex(ROOTS[6]), HEX.parseHex(ROOTS[8]))).isTrue();
    }

    @Test
    void everyInclusionAndConsistencyProofVerifiesForEveryTreeUpTo300LeavesAndTamperingFails() {
        Random random = new Random(6962);
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            byte[] data = new byte[1 + random.nextInt(40)];
            random.nextBytes(data);
            leaves.add(MerkleTree.leafHash(data));
        }
        MerkleTree tree = new MerkleTree(leaves);
        byte[][] roots = new byte[301][];
        for (int n = 1; n <= 300; n++) {
            roots[n] = tree.root(n);
        }
        for (int n = 1; n <= 300; n++) {
            for (int i = 0; i < n; i++) {
                List<byte[]> proof = tree.inclusionProof(i, n);
                assertThat(MerkleTree.verifyInclusion(i, n, leaves.get(i), proof, roots[n]))
                        .as("leaf %d of %d", i, n).isTrue();
                if (n > 1) {
                    assertThat(MerkleTree.verifyInclusion((i + 1) % n, n, leaves.get(i), proof, roots[n]))
                            .as("leaf %d claimed at the wrong index in %d", i, n).isFalse();
                }
            }
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = tree.consistencyProof(m, n);
                assertThat(MerkleTree.verifyConsistency(m, n, proof, roots[m], roots[n]))
                        .as("%d consistent with %d", m, n).isTrue();
                if (m < n) {
                    assertThat(MerkleTree.verifyConsistency(m, n, proof, roots[m == 1 ? 2 : m - 1], roots[n]))
                            .as("wrong first root %d -> %d", m, n).isFalse();
                }
            }
        }
        byte[] changed = leaves.get(17).clone();
        changed[0] ^= 1;
        assertThat(MerkleTree.verifyInclusion(17, 300, changed, tree.inclusionProof(17, 300), roots[300])).isFalse();
    }
}
