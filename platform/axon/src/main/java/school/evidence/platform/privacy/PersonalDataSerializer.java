package school.evidence.platform.privacy;

import school.evidence.kernel.privacy.PersonalData;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import school.evidence.kernel.privacy.PeopleAndRoles;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The events' serializer with crypto-shredding: the personal fields of {@link PersonalData} are encrypted (AES-GCM)
 * under the record's key and the keys of the people the record names before the event is stored, and decrypted when it
 * is read. The ledger hashes what is stored, the ciphertext, so destroying a key later erases the field everywhere it is
 * read from (aggregates, projections after a rebuild, packs) and the ledger still verifies.
 * <p>A stored field reads {@code enc:v1:<outer key id>.<inner key id>:<base64url>}.
 */
public class PersonalDataSerializer implements Serializer {

    private static final String PREFIX = "enc:v1:";
    /** The key ids a sealed value names, dot-separated. */
    private static final String KEY_IDS = "([0-9a-f]{32}(?:\\.[0-9a-f]{32})*)";
    private static final Pattern SEALED = Pattern.compile("^enc:v1:" + KEY_IDS + ":([A-Za-z0-9_-]+)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Serializer delegate;
    private final SubjectKeys keys;

    public PersonalDataSerializer(Serializer delegate, SubjectKeys keys) {
        this.delegate = delegate;
        this.keys = keys;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        PersonalData personal = object == null ? null : PersonalData.BY_EVENT.get(object.getClass().getName());
        if (personal == null) {
            return delegate.serialize(object, expectedRepresentation);
        }
        SerializedObject<String> plain = delegate.serialize(object, String.class);
        String sealed = seal(plain.getData(), personal);
        return delegate.getConverter().convert(new SimpleSerializedObject<>(sealed, String.class, plain.getType()),
                                               expectedRepresentation);
    }

    private static final Pattern SEALED_IN_TEXT = Pattern.compile("enc:v1:" + KEY_IDS + ":");

    /** The subject keys a stored payload's sealed fields need (a school's own archive carries only those). */
    public static java.util.Set<String> keyIdsIn(String storedText) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        if (storedText != null && storedText.contains(PREFIX)) {
            Matcher m = SEALED_IN_TEXT.matcher(storedText);
            while (m.find()) {
                ids.addAll(List.of(m.group(1).split("\\.")));
            }
        }
        return ids;
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        PersonalData personal = PersonalData.BY_EVENT.get(serializedObject.getType().getName());
        if (personal == null) {
            return delegate.deserialize(serializedObject);
        }
        String text = delegate.getConverter().convert(serializedObject, String.class).getData();
        if (!text.contains(PREFIX)) {
            return delegate.deserialize(serializedObject);
        }
        return delegate.deserialize(new SimpleSerializedObject<>(open(text, personal), String.class,
                                                                 serializedObject.getType()));
    }

    /**
     * The stored JSON with its personal fields encrypted: each person's name under their key and the record's, every
     * free text under the record's key and the keys of all the people the record names. Roles stay as written.
     */
    String seal(String json, PersonalData personal) {
        JsonNode root = parse(json);
        String school = placeOf(root);
        String recordId = recordIdOf(root, personal);
        String recordKey = recordId == null ? null : keys.keyIdFor(SubjectKeys.record(recordId));
        Set<String> peopleKeys = new LinkedHashSet<>();
        for (String path : personal.people()) {
            rewrite(root, path, name -> {
                if (PeopleAndRoles.isRole(name) || PersonalData.ERASED.equals(name) || SEALED.matcher(name).matches()) {
                    return name;
                }
                String personKey = keys.keyIdFor(SubjectKeys.person(school, name));
                peopleKeys.add(personKey);
                return sealValue(name, keyIds(List.of(personKey), recordKey));
            });
        }
        List<String> textKeys = keyIds(List.copyOf(peopleKeys), recordKey);
        if (!textKeys.isEmpty()) {
            for (String path : personal.text()) {
                rewrite(root, path, text -> text.isEmpty() || SEALED.matcher(text).matches() ? text
                        : sealValue(text, textKeys));
            }
        }
        return root.toString();
    }

    /**
     * Whose records these are, for a person's key: the school's, or for an organisation's own records (filed under no
     * school) the organisation's, so each can erase a person from its own records.
     */
    public static String placeOf(JsonNode root) {
        String school = root.path("schoolUrn").asText("");
        return school.isEmpty() && !root.path("trustId").asText("").isEmpty()
                ? SubjectKeys.organisation(root.path("trustId").asText()) : school;
    }

    private static List<String> keyIds(List<String> people, String recordKey) {
        List<String> ids = new ArrayList<>(people);
        if (recordKey != null) {
            ids.add(recordKey);
        }
        return ids;
    }

    /** The record a personal field belongs to: its id paths' values joined by ":", or null if one is missing. */
    public static String recordIdOf(JsonNode root, PersonalData personal) {
        List<String> parts = new ArrayList<>();
        for (String path : personal.record()) {
            List<String> found = values(root, path);
            if (found.isEmpty() || found.get(0).isBlank()) {
                return null;
            }
            parts.add(found.get(0));
        }
        return String.join(":", parts);
    }

    /** The stored JSON with its personal fields decrypted, or {@link PersonalData#ERASED} where a key is gone. */
    public String open(String json, PersonalData personal) {
        JsonNode root = parse(json);
        for (String path : personal.people()) {
            rewrite(root, path, this::openValue);
        }
        for (String path : personal.text()) {
            rewrite(root, path, this::openValue);
        }
        return root.toString();
    }

    /** Reads these keys ahead of opening many stored payloads ({@link SubjectKeys#preload}). */
    public void preloadKeys(Collection<String> keyIds) {
        keys.preload(keyIds);
    }

    /** Opens every sealed field of any stored event text (for a subject access export of the ledger). */
    public String openStored(String payloadType, String json) {
        PersonalData personal = PersonalData.BY_EVENT.get(payloadType);
        return personal == null || !json.contains(PREFIX) ? json : open(json, personal);
    }

    private String sealValue(String plain, List<String> keyIds) {
        try {
            byte[] data = plain.getBytes(StandardCharsets.UTF_8);
            // inner (last) key first, so the outer (first) key is the one that must be opened first
            for (int i = keyIds.size() - 1; i >= 0; i--) {
                data = SubjectKeys.seal(key(keyIds.get(i)), data);
            }
            return PREFIX + String.join(".", keyIds) + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a personal field", e);
        }
    }

    private String openValue(String stored) {
        Matcher m = SEALED.matcher(stored);
        if (!m.matches()) {
            return stored; // written before encryption, or not sealed
        }
        try {
            byte[] data = Base64.getUrlDecoder().decode(m.group(2));
            for (String keyId : m.group(1).split("\\.")) {
                Optional<SecretKey> key = keys.key(keyId);
                if (key.isEmpty()) {
                    return PersonalData.ERASED;
                }
                data = SubjectKeys.open(key.get(), data);
            }
            return new String(data, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A personal field could not be decrypted: wrong key-encryption key?", e);
        }
    }

    private SecretKey key(String keyId) {
        return keys.key(keyId).orElseThrow(() -> new IllegalStateException("Subject key " + keyId + " is gone"));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event is not JSON", e);
        }
    }

    static List<String> values(JsonNode root, String path) {
        List<String> out = new ArrayList<>();
        rewrite(root, path, v -> {
            out.add(v);
            return v;
        });
        return out;
    }

    /** Applies {@code change} to every text value at the path (segments separated by dots, {@code [*]} = each). */
    private static void rewrite(JsonNode node, String path, UnaryOperator<String> change) {
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? null : path.substring(dot + 1);
        boolean each = head.endsWith("[*]");
        String field = each ? head.substring(0, head.length() - 3) : head;
        if (!(node instanceof ObjectNode object) || !object.has(field)) {
            return;
        }
        JsonNode child = object.get(field);
        if (each) {
            if (child instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    if (rest == null) {
                        if (array.get(i).isTextual()) {
                            array.set(i, TextNode.valueOf(change.apply(array.get(i).asText())));
                        }
                    } else {
                        rewrite(array.get(i), rest, change);
                    }
                }
            }
        } else if (rest == null) {
            if (child.isTextual()) {
                object.put(field, change.apply(child.asText()));
            }
        } else {
            rewrite(child, rest, change);
        }
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
