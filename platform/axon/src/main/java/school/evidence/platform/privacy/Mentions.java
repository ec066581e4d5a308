package school.evidence.platform.privacy;

import school.evidence.kernel.privacy.PersonalData;
import com.fasterxml.jackson.databind.ObjectMapper;
import school.evidence.ledger.LedgerReader;
import school.evidence.ledger.StoredEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a person is named in a school's records as they read now, from the ledger itself: in any field, encrypted or
 * not (fields whose keys are gone read "[erased]" and so no longer name anyone). For a subject access export (every
 * record that names the person) and for an erasure (what is still readable once the person's own key is destroyed).
 * Names are matched as written, whole words, ignoring case and spacing. It reads every event of the school: an
 * erasure or an export is rare, and must not miss one.
 */
public final class Mentions {

    /**
     * @param recordId the record the event belongs to, whose key an erasure can destroy (null: not personal data)
     * @param inClear  the name is in the ledger unencrypted (recorded before the field was personal data, or in the
     *                 metadata): no key can erase it
     */
    public record Mention(String eventKey, String payloadType, String recordId, boolean inClear) {
        public boolean erasable() {
            return !inClear && recordId != null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LedgerReader ledger;
    private final PersonalDataSerializer serializer;

    public Mentions(LedgerReader ledger, PersonalDataSerializer serializer) {
        this.ledger = ledger;
        this.serializer = serializer;
    }

    /** The name as a whole-word, case- and spacing-blind pattern. */
    public static Pattern pattern(String person) {
        List<String> words = List.of(person.strip().split("\\s+"));
        String joined = String.join("\\s+", words.stream().map(Pattern::quote).toList());
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + joined + "(?![\\p{L}\\p{N}])",
                               Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public List<Mention> of(String urn, String person) {
        NameSearch name = new NameSearch(person);
        List<Mention> found = new ArrayList<>();
        List<StoredEvent> batch = new ArrayList<>();
        ledger.forEachInSchool(urn, event -> {
            batch.add(event);
            if (batch.size() == BATCH) {
                mentionsIn(batch, name, found);
            }
        });
        mentionsIn(batch, name, found);
        return found;
    }

    /** Events opened a batch at a time, their keys read together first (a school's records each have their own). */
    private static final int BATCH = 500;

    private void mentionsIn(List<StoredEvent> batch, NameSearch name, List<Mention> found) {
        serializer.preloadKeys(batch.stream().flatMap(e -> PersonalDataSerializer.keyIdsIn(e.payload()).stream())
                                    .toList());
        batch.forEach(event -> mentionIn(event, name).ifPresent(found::add));
        batch.clear();
    }

    /**
     * Where a person is named in an organisation's own records (its plans, filed under no school): the events of the
     * kinds that hold personal data and are the organisation's alone, read by kind, those of this organisation only.
     */
    public List<Mention> ofOrganisation(String trustId, String person) {
        NameSearch name = new NameSearch(person);
        List<Mention> found = new ArrayList<>();
        ledger.forEachOfTypes(ORGANISATION_TYPES, event -> {
            if (event.school() == null && trustId.equals(read(event.payload()).path("trustId").asText())) {
                mentionIn(event, name).ifPresent(found::add);
            }
        });
        return found;
    }

    /** Kinds of event with personal data that belong to an organisation and no school. */
    public static final List<String> ORGANISATION_TYPES = PersonalData.BY_EVENT.keySet().stream().filter(type -> {
        try {
            Class<?> kind = Class.forName(type);
            return school.evidence.kernel.OrganisationEvent.class.isAssignableFrom(kind)
                    && !school.evidence.kernel.SchoolEvent.class.isAssignableFrom(kind);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }).sorted().toList();

    private java.util.Optional<Mention> mentionIn(StoredEvent event, NameSearch name) {
        String type = event.payloadType();
        String payload = event.payload();
        if (type == null || payload == null) {
            return java.util.Optional.empty();
        }
        String metaData = event.metaData();
        boolean inClear = name.foundIn(payload) || name.foundIn(metaData);
        if (!inClear && !name.foundIn(serializer.openStored(type, payload))) {
            return java.util.Optional.empty();
        }
        PersonalData personal = PersonalData.BY_EVENT.get(type);
        return java.util.Optional.of(new Mention(event.key(), type, personal == null ? null
                : PersonalDataSerializer.recordIdOf(read(payload), personal), inClear));
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("An event in the ledger is not JSON", e);
        }
    }
}
