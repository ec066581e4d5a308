package school.evidence.platform.privacy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One AES-256 key per data subject (a named person at a school, or one record), kept in the {@code subject_keys}
 * collection wrapped (AES-GCM) by the key-encryption key from configuration. Subjects are found by an HMAC of their
 * name, never the name itself. Erasing a subject destroys its key, leaving a tombstone: everything encrypted under it
 * is then unreadable for good, while the ciphertext (and so the ledger's hashes) stays as it was.
 */
public class SubjectKeys {

    public enum Status { ACTIVE, ERASED, NONE }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long CACHE_NANOS = 30_000_000_000L;
    /** The id of the value sealed with the key-encryption key, to recognise the right key at start-up. */
    public static final String KEK_CHECK = "key-encryption-key-check";
    public static final String COLLECTION = "subject_keys";

    private record Cached(SecretKey key, long loadedAt) {
    }

    private final MongoCollection<Document> keys;
    private final SecretKey kek;
    private final SecretKey lookupKey;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, String> ids = new ConcurrentHashMap<>();
    private final java.util.Set<String> erasedHere = ConcurrentHashMap.newKeySet();

    public SubjectKeys(MongoDatabase database, byte[] keyEncryptionKey) {
        if (keyEncryptionKey.length != 32) {
            throw new IllegalArgumentException("The key-encryption key must be 32 bytes (256 bits)");
        }
        this.keys = database.getCollection("subject_keys");
        this.kek = new SecretKeySpec(keyEncryptionKey, "AES");
        this.lookupKey = new SecretKeySpec(hmac(new SecretKeySpec(keyEncryptionKey, "HmacSHA256"), "subject-lookup"),
                                           "HmacSHA256");
        keys.createIndex(Indexes.ascending("lookup"), new IndexOptions().unique(true).name("bySubject"));
        // "was this person erased?" (asked on every erasure request and by the erasure register)
        keys.createIndex(Indexes.compoundIndex(Indexes.ascending("erasedLookup"), Indexes.descending("erasedAt")),
                         new IndexOptions().sparse(true).name("byErasedSubject"));
    }

    /**
     * Whether the key-encryption key is the one this store's keys were wrapped with: a sealed check value is kept the
     * first time (or, for a store from before the check, any wrapped key is tried). A different key must stop the
     * service at start-up: otherwise new writes get new keys and every older personal field fails to open later.
     */
    public boolean opensTheStore() {
        Document check = keys.find(Filters.eq("_id", KEK_CHECK)).first();
        String sealed = check != null ? check.getString("sealed")
                : Optional.ofNullable(keys.find(Filters.exists("wrapped")).first()).map(d -> d.getString("wrapped"))
                          .orElse(null);
        if (sealed != null) {
            try {
                open(kek, Base64.getDecoder().decode(sealed));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return false;
            }
        }
        if (check == null) {
            try {
                keys.insertOne(new Document("_id", KEK_CHECK).append("lookup", KEK_CHECK).append("sealed",
                        Base64.getEncoder().encodeToString(seal(kek, KEK_CHECK.getBytes(StandardCharsets.UTF_8)))));
            } catch (MongoWriteException raced) {
                return opensTheStore(); // another node wrote it first: check against theirs
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return true;
    }

    public static String person(String urn, String name) {
        return "person:" + urn + ":" + name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The place of an organisation's own records in a person's key ({@link #person}): {@code trust:<id>}. */
    public static String organisation(String trustId) {
        return "trust:" + trustId;
    }

    public static String record(String recordId) {
        return "record:" + recordId;
    }

    /** The key id of the subject, made on first use. */
    public String keyIdFor(String subject) {
        String lookup = lookupOf(subject);
        String known = ids.get(lookup);
        if (known != null) {
            return known;
        }
        Document found = keys.find(Filters.eq("lookup", lookup)).first();
        if (found != null) {
            ids.put(lookup, found.getString("_id"));
            return found.getString("_id");
        }
        String keyId = UUID.randomUUID().toString().replace("-", "");
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            SecretKey dek = generator.generateKey();
            keys.insertOne(new Document("_id", keyId).append("lookup", lookup).append("wrapped", wrap(dek))
                                                     .append("createdAt", new Date()));
            cache.put(keyId, new Cached(dek, System.nanoTime()));
            ids.put(lookup, keyId);
            return keyId;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return keys.find(Filters.eq("lookup", lookup)).first().getString("_id"); // made concurrently
            }
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<String> existingKeyIdFor(String subject) {
        return Optional.ofNullable(keys.find(Filters.eq("lookup", lookupOf(subject))).first()).map(d -> d.getString("_id"));
    }

    public Status status(String subject) {
        String lookup = lookupOf(subject);
        if (keys.find(Filters.eq("lookup", lookup)).first() != null) {
            return Status.ACTIVE;
        }
        return keys.find(Filters.eq("erasedLookup", lookup)).first() != null ? Status.ERASED : Status.NONE;
    }

    /** The id of the subject's most recently destroyed key. */
    public Optional<String> erasedKeyIdOf(String subject) {
        return Optional.ofNullable(keys.find(Filters.eq("erasedLookup", lookupOf(subject)))
                                       .sort(new Document("erasedAt", -1)).first()).map(d -> d.getString("_id"));
    }

    /** The key, or empty when it was erased (or never existed). */
    public Optional<SecretKey> key(String keyId) {
        Cached cached = cache.get(keyId);
        if (cached != null && System.nanoTime() - cached.loadedAt() < CACHE_NANOS) {
            return Optional.of(cached.key());
        }
        if (erasedHere.contains(keyId)) { // destroyed keys stay destroyed: no read for each field sealed under one
            return Optional.empty();
        }
        Document found = keys.find(Filters.eq("_id", keyId)).first();
        if (found == null || found.getString("wrapped") == null || KEK_CHECK.equals(keyId)) {
            cache.remove(keyId);
            if (found != null && !KEK_CHECK.equals(keyId)) {
                erasedHere.add(keyId); // a tombstone
            }
            return Optional.empty();
        }
        SecretKey key = unwrap(found.getString("wrapped"));
        cache.put(keyId, new Cached(key, System.nanoTime()));
        if (erasedHere.contains(keyId)) { // erased on this node while it was being read: never cache it again
            cache.remove(keyId);
            return Optional.empty();
        }
        return Optional.of(key);
    }

    /**
     * Reads these keys into the cache a few hundred at a time, ahead of opening many records (every event of a
     * school, to find where a person is named): one read for each few hundred keys, not one for each.
     */
    public void preload(Collection<String> keyIds) {
        List<String> wanted = keyIds.stream().distinct().filter(id -> !erasedHere.contains(id) && !KEK_CHECK.equals(id))
                .filter(id -> {
                    Cached cached = cache.get(id);
                    return cached == null || System.nanoTime() - cached.loadedAt() >= CACHE_NANOS;
                }).toList();
        for (int at = 0; at < wanted.size(); at += PRELOAD) {
            keys.find(Filters.in("_id", wanted.subList(at, Math.min(wanted.size(), at + PRELOAD)))).forEach(found -> {
                String id = found.getString("_id");
                if (found.getString("wrapped") == null) {
                    erasedHere.add(id);
                    cache.remove(id);
                } else {
                    cache.put(id, new Cached(unwrap(found.getString("wrapped")), System.nanoTime()));
                    if (erasedHere.contains(id)) { // erased on this node meanwhile
                        cache.remove(id);
                    }
                }
            });
        }
    }

    /** Keys per read of {@link #preload}: the embedded store matches each key against the whole list. */
    private static final int PRELOAD = 250;

    /**
     * Destroys the subject's key; the id of the destroyed key, or empty if the subject had none. The tombstone keeps
     * the id and when; anything recorded about the same person later gets a new key. Other nodes drop their cached
     * copy within 30 seconds.
     */
    public Optional<String> erase(String subject) {
        String lookup = lookupOf(subject);
        Document found = keys.find(Filters.eq("lookup", lookup)).first();
        if (found == null) {
            return Optional.empty();
        }
        String keyId = found.getString("_id");
        keys.updateOne(Filters.eq("_id", keyId), Updates.combine(
                Updates.unset("wrapped"), Updates.set("lookup", "erased-" + keyId), Updates.set("erasedLookup", lookup),
                Updates.set("erasedAt", new Date())));
        erasedHere.add(keyId);
        cache.remove(keyId);
        ids.remove(lookup);
        return Optional.of(keyId);
    }

    /**
     * Drops this node's cached copies of keys another node destroyed (named by an erasure's event), so what this
     * node re-reads at once reads "[erased]" rather than waiting out the cache.
     */
    public void forget(java.util.Collection<String> keyIds) {
        keyIds.forEach(id -> {
            erasedHere.add(id);
            cache.remove(id);
        });
    }

    private String lookupOf(String subject) {
        return HexFormat.of().formatHex(hmac(lookupKey, subject));
    }

    private static byte[] hmac(SecretKey key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String wrap(SecretKey dek) throws GeneralSecurityException {
        return Base64.getEncoder().encodeToString(seal(kek, dek.getEncoded()));
    }

    private SecretKey unwrap(String wrapped) {
        try {
            return new SecretKeySpec(open(kek, Base64.getDecoder().decode(wrapped)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A subject key could not be unwrapped: is the key-encryption key right?", e);
        }
    }

    /** AES-256-GCM: a fresh 12-byte nonce, then the ciphertext with its tag. */
    static byte[] seal(SecretKey key, byte[] plain) throws GeneralSecurityException {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        byte[] sealed = cipher.doFinal(plain);
        return ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
    }

    static byte[] open(SecretKey key, byte[] sealed) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, 12));
        return cipher.doFinal(sealed, 12, sealed.length - 12);
    }
}
