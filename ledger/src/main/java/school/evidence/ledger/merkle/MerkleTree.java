package school.evidence.ledger.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Merkle tree built the way Certificate Transparency builds its log (RFC 6962 section 2.1, RFC 9162 section
 * 2.1): SHA-256, leaf = H(0x00 || data), node = H(0x01 || left || right), the left subtree of n leaves holding the
 * largest power of two smaller than n. Proofs are generated per RFC 6962 (PATH, PROOF) and verified with the
 * RFC 9162 algorithms, which need nothing but the proof, the sizes and the roots.
 * <p>
 * An instance holds the leaf hashes of one log (a school's ledger) and remembers subtree hashes it has computed,
 * so proofs and roots for many sizes stay cheap.
 */
public final class MerkleTree {

    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    private final List<byte[]> leaves;
    private final Map<Long, byte[]> subtrees = new HashMap<>();

    public MerkleTree(List<byte[]> leafHashes) {
        this.leaves = new ArrayList<>(leafHashes);
    }

    public void append(byte[] leafHash) {
        leaves.add(leafHash);
    }

    public int size() {
        return leaves.size();
    }

    public byte[] leaf(int index) {
        return leaves.get(index);
    }

    /** MTH(D[0:n]); the empty tree's hash is SHA-256 of nothing. */
    public byte[] root(int size) {
        checkSize(size);
        return size == 0 ? sha256() : hash(0, size);
    }

    public byte[] root() {
        return root(size());
    }

    /** PATH(m, D[0:n]): the audit path for leaf {@code index} in the tree of the first {@code size} leaves. */
    public List<byte[]> inclusionProof(int index, int size) {
        checkSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(index, 0, size, path);
        return path;
    }

    /** PROOF(m, D[0:n]): proves the tree of {@code first} leaves is a prefix of the tree of {@code second}. */
    public List<byte[]> consistencyProof(int first, int second) {
        checkSize(second);
        if (first < 1 || first > second) {
            throw new IllegalArgumentException("cannot prove " + first + " consistent with " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(first, 0, second, true, proof);
        return proof;
    }

    private void path(int m, int from, int to, List<byte[]> out) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = split(n);
        if (m < k) {
            path(m, from, from + k, out);
            out.add(hash(from + k, to));
        } else {
            path(m - k, from + k, to, out);
            out.add(hash(from, from + k));
        }
    }

    private void subproof(int m, int from, int to, boolean complete, List<byte[]> out) {
        int n = to - from;
        if (m == n) {
            if (!complete) {
                out.add(hash(from, to));
            }
            return;
        }
        int k = split(n);
        if (m <= k) {
            subproof(m, from, from + k, complete, out);
            out.add(hash(from + k, to));
        } else {
            subproof(m - k, from + k, to, false, out);
            out.add(hash(from, from + k));
        }
    }

    /** MTH of leaves [from, to), remembered. */
    private byte[] hash(int from, int to) {
        if (to - from == 1) {
            return leaves.get(from);
        }
        long key = ((long) from << 32) | to;
        byte[] known = subtrees.get(key);
        if (known != null) {
            return known;
        }
        int k = split(to - from);
        byte[] node = nodeHash(hash(from, from + k), hash(from + k, to));
        subtrees.put(key, node);
        return node;
    }

    private void checkSize(int size) {
        if (size < 0 || size > leaves.size()) {
            throw new IllegalArgumentException("the tree has " + leaves.size() + " leaves, not " + size);
        }
    }

    /**
     * MTH of leaves given one at a time, in O(log n) memory: full subtrees are merged as soon as they complete, and
     * the remaining ones (one per bit of n, largest first) are folded from the right, which is RFC 6962's split.
     */
    public static final class StreamingRoot {
        private final java.util.ArrayDeque<byte[]> hashes = new java.util.ArrayDeque<>();
        private final java.util.ArrayDeque<Long> sizes = new java.util.ArrayDeque<>();
        private long count;

        public void add(byte[] leafHash) {
            byte[] hash = leafHash;
            long size = 1;
            while (!sizes.isEmpty() && sizes.peekLast() == size) {
                hash = nodeHash(hashes.pollLast(), hash);
                size += sizes.pollLast();
            }
            hashes.addLast(hash);
            sizes.addLast(size);
            count++;
        }

        public long size() {
            return count;
        }

        public byte[] root() {
            if (hashes.isEmpty()) {
                return sha256();
            }
            java.util.Iterator<byte[]> fromRight = hashes.descendingIterator();
            byte[] root = fromRight.next();
            while (fromRight.hasNext()) {
                root = nodeHash(fromRight.next(), root);
            }
            return root;
        }
    }

    /** The largest power of two smaller than n (n at least 2). */
    static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    public static byte[] leafHash(byte[] data) {
        return sha256(new byte[]{LEAF}, data);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        return sha256(new byte[]{NODE}, left, right);
    }

    /** RFC 9162 2.1.3.2: does the audit path prove the leaf is at {@code index} of the tree with this root? */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 2.1.4.2: does the proof show the first tree is a prefix of the second? */
    public static boolean verifyConsistency(long first, long second, List<byte[]> proof, byte[] firstRoot,
                                            byte[] secondRoot) {
        if (first < 1 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot); // first is an exact power of two: its root starts the path
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
