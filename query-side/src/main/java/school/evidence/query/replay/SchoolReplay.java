package school.evidence.query.replay;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import school.evidence.ledger.MongoLedgerStorageEngine;
import school.evidence.platform.privacy.SubjectKeys;
import school.evidence.query.BatchedWrites;
import school.evidence.query.ReadModelProcessors;
import school.evidence.query.replay.ShadowReplay.Target;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.mongodb.client.model.Filters.eq;
import static school.evidence.query.ReadModels.SCHOOL_URN;

/**
 * After an erasure at a school, the read models that hold personal data are made again in place. Those that say how
 * ({@link MadeAgainForRecords}: the heavy ones, a document per record, entry or step) for the records the erasure
 * touched alone: the records holding a field sealed under a destroyed key ({@link Touched}) and those their documents
 * name, their events replayed into a shadow, then just those documents replaced. The others for the whole school:
 * its events up to the erasure's, replayed into a shadow, then its documents replaced by the shadow's (those the
 * replay no longer makes are deleted). Read models whose documents gather several schools' events (a trust, a
 * trust's plans with each school's judgements) are made again whole from the events of the kinds they take, which
 * are few. What names no one (school names, calendars) is left alone.
 * <p>
 * It runs from the processor that feeds those read models, when the processor reaches the erasure: the events before
 * it are in, those after it are handled as usual afterwards, and once every processor has handled the erasure's
 * position every read model shows it (what the erasure's reply waits for). The cost is the person's records (and the
 * school's plans) for the heavy read models, the school's history for the quick ones, never the whole ledger's.
 */
@Component
public class SchoolReplay {

    private static final Logger log = LoggerFactory.getLogger(SchoolReplay.class);
    /** Read models whose documents gather several schools' events: made again whole. */
    public static final Set<String> WHOLE = Set.of("trusts", "trust-plans");

    /** What one replay did: the events it read and the documents it left, per collection. */
    public record Outcome(String processor, String school, long events, Map<String, Integer> documents) {
    }

    /** What an erasure destroyed: key ids, and records known by id (one shredded at the end of its retention). */
    public record Erased(Set<String> keyIds, Set<String> records) {
        public Erased {
            keyIds = Set.copyOf(keyIds);
            records = Set.copyOf(records);
        }
    }

    private final ApplicationContext context;
    private final MongoClient client;
    private final MongoDatabase live;
    private final MongoLedgerStorageEngine ledger;
    private final SubjectKeys keys;
    /**
     * Outside the processor's unit of work, whose batched writes would otherwise take the replay's in; a thread for
     * each shared processor, so the two replays of one erasure run side by side.
     */
    private final ExecutorService worker = Executors.newFixedThreadPool(
            ReadModelProcessors.SHARED_PROCESSORS.size(), r -> {
                Thread thread = new Thread(r, "school-replay");
                thread.setDaemon(true);
                return thread;
            });

    public SchoolReplay(ApplicationContext context, MongoClient client, MongoDatabase live,
                        MongoLedgerStorageEngine ledger, SubjectKeys keys) {
        this.keys = keys;
        this.context = context;
        this.client = client;
        this.live = live;
        this.ledger = ledger;
    }

    /**
     * Makes again, for one school, the read models this processor feeds, from the events up to {@code upTo} (those
     * gathering several schools too, unless {@code whole} is false). Called from the processor's handling of the
     * erasure; throws if any could not be made again, changing nothing live.
     */
    public Outcome replay(String processor, String school, long upTo, boolean whole, Erased erased) {
        BatchedWrites.flush(); // this batch's earlier writes first: sent after the replay they would undo it
        Future<Outcome> replayed = worker.submit(() -> replayApart(processor, school, upTo, whole, erased));
        try {
            return replayed.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not make " + processor + " again for school " + school,
                                            e.getCause());
        } catch (InterruptedException e) {
            replayed.cancel(true); // the processor stops (or gives up): the replay must not swap in after it
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted making " + processor + " again for school " + school, e);
        }
    }

    private Outcome replayApart(String processor, String school, long upTo, boolean includeWhole, Erased erased) {
        MongoDatabase shadow = client.getDatabase(live.getName() + "_erasure_" + processor.replace('-', '_'));
        shadow.drop();
        try {
            List<Target> byRecord = new ArrayList<>();
            List<Target> bySchool = new ArrayList<>();
            List<Target> whole = new ArrayList<>();
            RebuildableProjections.of(context).forEach((group, projections) -> {
                if (ReadModelProcessors.of(group).equals(processor) && KindsTaken.holdPersonalData(projections)
                        && (includeWhole || !WHOLE.contains(group))) {
                    Target target = new Target(group, shadow, RebuildableProjections.madeAgain(projections, shadow));
                    boolean forRecords = erased != null
                            && target.projections.stream().allMatch(MadeAgainForRecords.class::isInstance);
                    if (school == null && !forRecords && !WHOLE.contains(group)) {
                        // an organisation's erasure: a read model that takes none of its records has nothing of it
                        if (KindsTaken.anyOrganisations(projections)) {
                            throw new IllegalStateException(group + " cannot be made again for organisations' records");
                        }
                        return;
                    }
                    (WHOLE.contains(group) ? whole : forRecords ? byRecord : bySchool).add(target);
                }
            });
            long started = System.nanoTime();
            long events = 0;
            Touched touched = null;
            if (!byRecord.isEmpty()) {
                touched = school == null ? Touched.ofOrganisations(ledger.reader(), erased.keyIds(), upTo)
                        : Touched.find(ledger.reader(), school, erased.keyIds(), erased.records(), upTo);
                keys.preload(touched.keys());
                events += ShadowReplay.replay(ledger.readEventsOfStreams(feeding(byRecord, touched), upTo), byRecord,
                                              upTo);
            }
            if (!bySchool.isEmpty()) {
                Set<String> kinds = KindsTaken.of(bySchool);
                events += ShadowReplay.replay(kinds.isEmpty() ? ledger.readEventsOfSchool(school, upTo)
                                                      : ledger.readEventsOfSchool(school, kinds, upTo), bySchool, upTo);
            }
            if (!whole.isEmpty()) {
                Set<String> kinds = KindsTaken.of(whole);
                if (kinds.isEmpty()) {
                    throw new IllegalStateException("A read model gathering schools takes events by a shared type: "
                                                    + whole.stream().map(t -> t.group).toList());
                }
                events += ShadowReplay.replay(ledger.readEventsOfTypes(kinds, upTo), whole, upTo);
            }
            for (List<Target> targets : List.of(byRecord, bySchool, whole)) {
                targets.forEach(SchoolReplay::failIfFailed);
            }
            long replayed = System.nanoTime();
            Map<String, Integer> documents = new LinkedHashMap<>();
            for (Target target : byRecord) {
                swapInRecords(target, documents, touched);
            }
            bySchool.forEach(t -> swapIn(t, documents, school));
            whole.forEach(t -> swapIn(t, documents, (String) null));
            log.info("Read models of {} made again for {} from {} events ({} records touched): replay {} ms, "
                             + "swap {} ms", processor, school == null ? "organisations' own records" : "school " + school,
                     events,
                     touched == null ? "no" : touched.records().size(), (replayed - started) / 1_000_000,
                     (System.nanoTime() - replayed) / 1_000_000);
            return new Outcome(processor, school, events, documents);
        } finally {
            shadow.drop();
        }
    }

    private void swapIn(Target target, Map<String, Integer> documents, String school) {
        for (Object projection : target.projections) {
            for (String collection : RebuildableProjections.ownedCollections(projection)) {
                documents.put(collection, school == null
                        ? ShadowCopies.replaceLive(target.shadow.getCollection(collection),
                                                   live.getCollection(collection))
                        : ShadowCopies.replaceLive(target.shadow.getCollection(collection),
                                                   live.getCollection(collection), eq(SCHOOL_URN, school)));
            }
        }
    }

    /**
     * The records whose events make whole what the touched records' events wrote, for every one of these; each
     * target takes only its own (the school's plans feed the timelines, not the audit trail).
     */
    private Set<String> feeding(List<Target> targets, Touched touched) {
        Set<String> all = new TreeSet<>();
        for (Target target : targets) {
            Set<String> own = new java.util.HashSet<>();
            target.projections.forEach(p -> own.addAll(((MadeAgainForRecords) p).feeding(touched, live)));
            target.take = event -> event instanceof DomainEventMessage<?> domain
                    && own.contains(domain.getAggregateIdentifier());
            all.addAll(own);
        }
        return all;
    }

    /** Only the documents the touched records' events wrote; every collection the projection owns must be named. */
    private void swapInRecords(Target target, Map<String, Integer> documents, Touched touched) {
        for (Object projection : target.projections) {
            Map<String, MadeAgainForRecords.Documents> written = ((MadeAgainForRecords) projection).written(touched, live);
            for (String collection : RebuildableProjections.ownedCollections(projection)) {
                if (!written.containsKey(collection)) {
                    throw new IllegalStateException(projection.getClass().getSimpleName() + " does not say which of "
                                                            + collection + " an erasure reaches");
                }
                documents.put(collection, ShadowCopies.replaceLive(target.shadow.getCollection(collection),
                                                                   live.getCollection(collection),
                                                                   written.get(collection)));
            }
        }
    }

    private static void failIfFailed(Target target) {
        if (target.failure != null) {
            throw new IllegalStateException("Replay of " + target.group + " failed", target.failure);
        }
    }
}
