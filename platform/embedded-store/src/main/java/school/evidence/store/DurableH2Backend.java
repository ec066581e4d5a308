package school.evidence.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The embedded server's on-disk backend, made to acknowledge a write only after it reached the file. H2's MVStore
 * otherwise commits in the background about once a second, so a killed process would lose writes it had already
 * confirmed. Concurrent writers share one commit (group commit). The file is written, not fsynced: this survives
 * the process being killed, not the machine losing power; use a MongoDB replica set for that.
 * <p>
 * Documents and unique-index keys are written to the file as BSON ({@link BsonPages}) rather than with H2's Java
 * serialization, which the write path's profile showed dominating the embedded server's time.
 */
public class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
                                                     "createindexes", "drop", "dropindexes", "create");
    /**
     * Writes that may wait for the next commit when they are to a derived collection: its documents, and making or
     * dropping it or its indexes too (an erasure's shadow read models are made and dropped each time: 20-odd commits
     * of a big store cost an erasure most of a second).
     */
    private static final Set<String> DERIVABLE_WRITES = Set.of("insert", "update", "delete", "findandmodify",
                                                               "createindexes", "drop", "dropindexes", "create");
    /**
     * Derived writes left unsaved are committed once they hold this much: during a catch-up nothing else commits,
     * and the store's background commit of a second's worth (35 MB in one bench run) ran a 320 MB heap out of
     * memory, after which H2 closes the store for good.
     */
    static final int DERIVED_UNSAVED_LIMIT = 2 * 1024 * 1024;
    /** At shutdown, live parts of the file are moved to its front and the rest cut off, for at most this long. */
    static final int COMPACT_ON_CLOSE_MILLIS = 5_000;
    /** The store's own state: whether it was closed cleanly (else its indexes are rebuilt when it opens). */
    private static final String STATE = "evidence.store-state";
    private static final String CLOSED_CLEANLY = "closedCleanly";
    private static final String LAST_RECOVERY = "lastRecoveryAt";
    private static final String LAST_RECOVERY_MILLIS = "lastRecoveryMillis";
    /** In the name of every index map: {@code <db>.<collection>._index_<index>} (plus a suffix). */
    private static final String INDEX_MAP = "._index_";
    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);
    /** H2's own default page cache, in MB. */
    static final int DEFAULT_PAGE_CACHE_MB = 16;
    private final Object commitLock = new Object();
    private final Object findAndModifyLock = new Object();

    /** Collections whose writes need not wait for their own commit (see {@link DerivedCollections}). */
    private final Predicate<String> derived;
    /**
     * Queries answered by reading a whole collection because no index serves them (see {@link #scans()}); made by
     * the first such query, since H2's constructor opens the collections before this class's fields are set.
     */
    private volatile Map<String, LongAdder> scans;

    /**
     * The store in {@code file}. H2 keeps a superseded part of the file for its retention time (H2's default 45 s)
     * before reusing the space. Under the bench's sustained load that grew the file to 5.5 GB for 50,000 events (90%
     * superseded); 1 s kept it under 1 GB but cost a third of the write path (8 clients: 138 -> 88 writes/s, p99
     * 127 -> 398 ms: H2 keeps rewriting the chunks freed so soon). A school's real load is far lighter, so the
     * default stays H2's and the file is compacted at shutdown; an operator short of disk can lower it.
     */
    public static DurableH2Backend open(String file, Duration chunkRetention, Predicate<String> derived) {
        return open(file, chunkRetention, DEFAULT_PAGE_CACHE_MB, derived);
    }

    /** As {@link #open(String, Duration, Predicate)}, with H2's page cache of {@code pageCacheMb} MB. */
    public static DurableH2Backend open(String file, Duration chunkRetention, int pageCacheMb,
                                        Predicate<String> derived) {
        FileRewrite.cleanUp(file);
        MVStore store = new MVStore.Builder().fileName(file).cacheSize(pageCacheMb).open();
        store.setRetentionTime((int) chunkRetention.toMillis());
        return new DurableH2Backend(store, derived);
    }

    public DurableH2Backend(MVStore store) {
        this(store, collection -> false);
    }

    public DurableH2Backend(MVStore store, Predicate<String> derived) {
        this(Recovery.begin(store), derived);
    }

    private DurableH2Backend(Recovery recovery, Predicate<String> derived) {
        super(recovery.store); // opens every database: an index found empty is built from its collection
        this.derived = derived;
        recovery.finish();
    }

    /**
     * A write changes a document's map and its indexes' maps one after another, and H2 commits all maps whenever a
     * writer or its background thread asks, so a commit can land between them. After a kill the file may then hold a
     * document its indexes do not know (a scan finds it, lookups do not, its redelivery fails) or an index entry
     * without its document. So a store that was not closed cleanly drops its index maps before its databases open,
     * and opening an index that is empty builds it from the collection's documents (as the server builds a new
     * index). That reads every document, only after a crash; H2's background compaction is paused meanwhile, since
     * it moved pages the long reads still needed ("chunk not found" in a first try on a bench store).
     */
    private static final class Recovery {

        private final MVStore store;
        private final int backgroundCommitDelay;
        private final long started = System.nanoTime();

        private Recovery(MVStore store, int backgroundCommitDelay) {
            this.store = store;
            this.backgroundCommitDelay = backgroundCommitDelay;
        }

        static Recovery begin(MVStore store) {
            if (store.isReadOnly() || Boolean.TRUE.equals(store.openMap(STATE).get(CLOSED_CLEANLY))) {
                return new Recovery(store, -1);
            }
            List<String> indexes = store.getMapNames().stream()
                                        .filter(name -> name.contains(INDEX_MAP) && !name.startsWith("databases."))
                                        .toList();
            if (indexes.isEmpty()) {
                return new Recovery(store, -1);
            }
            log.warn("The embedded store was not closed cleanly: rebuilding its {} indexes from the documents",
                     indexes.size());
            Recovery recovery = new Recovery(store, store.getAutoCommitDelay());
            store.setAutoCommitDelay(0);
            indexes.forEach(store::removeMap);
            return recovery;
        }

        /** Saves the rebuilt indexes, resumes H2's background work; until a clean close, a later open repairs. */
        void finish() {
            if (store.isReadOnly()) {
                return;
            }
            Map<String, Object> state = store.openMap(STATE);
            state.put(CLOSED_CLEANLY, Boolean.FALSE);
            if (backgroundCommitDelay >= 0) { // kept in the file, so operators see it after later restarts too
                state.put(LAST_RECOVERY, System.currentTimeMillis());
                state.put(LAST_RECOVERY_MILLIS, (System.nanoTime() - started) / 1_000_000);
            }
            store.commit();
            if (backgroundCommitDelay >= 0) {
                store.setAutoCommitDelay(backgroundCommitDelay);
                log.warn("The embedded store's indexes were rebuilt in {} s",
                         String.format("%.1f", (System.nanoTime() - started) / 1e9));
            }
        }
    }

    /**
     * How many queries (with a filter) this store has answered by reading every document of their collection, no
     * index serving them: each costs the collection's size, so a count that grows with use is a missing index.
     */
    public long scans() {
        Map<String, LongAdder> counted = scans;
        return counted == null ? 0 : counted.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The same for one collection ({@code database.collection}). */
    public long scans(String namespace) {
        Map<String, LongAdder> counted = scans;
        var of = counted == null ? null : counted.get(namespace);
        return of == null ? 0 : of.sum();
    }

    private void countScan(String namespace) {
        if (scans == null) {
            synchronized (this) {
                if (scans == null) {
                    scans = new ConcurrentHashMap<>();
                }
            }
        }
        scans.computeIfAbsent(namespace, n -> new LongAdder()).increment();
    }

    /** When the store last rebuilt its indexes after an unclean shutdown, and how long that took; empty if never. */
    public static java.util.Optional<Recovered> lastRecovery(MVStore store) {
        Map<String, Object> state = store.openMap(STATE);
        return state.get(LAST_RECOVERY) instanceof Long at
                ? java.util.Optional.of(new Recovered(java.time.Instant.ofEpochMilli(at),
                        java.time.Duration.ofMillis(((Number) state.getOrDefault(LAST_RECOVERY_MILLIS, 0L)).longValue())))
                : java.util.Optional.empty();
    }

    public record Recovered(java.time.Instant at, java.time.Duration took) {
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new BsonDatabase(databaseName);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document response;
        if ("findandmodify".equalsIgnoreCase(command)) {
            // the H2 backend's findAndModify answers with the stored document itself, which the next caller's
            // update changes before the answer is encoded: two callers of an $inc counter got the same value
            // (measured: 89 in 4,000 with 8 threads). The ledger reserves its global index this way, so such calls
            // run one at a time and answer with a copy taken while no one else can change it.
            synchronized (findAndModifyLock) {
                response = super.handleCommand(channel, databaseName, command, query).cloneDeeply();
            }
        } else {
            response = super.handleCommand(channel, databaseName, command, query);
        }
        if (WRITES.contains(command.toLowerCase())
                && (!derivedWrite(command, query) || getMvStore().getUnsavedMemory() > DERIVED_UNSAVED_LIMIT)) {
            commitIncluding(getMvStore().getCurrentVersion());
        }
        return response;
    }

    /**
     * A write to a read model or a processor's position: it is saved by the next commit, made by the next write that
     * needs one or by the store's background commit within a second, whichever comes first.
     */
    private boolean derivedWrite(String command, Document query) {
        return DERIVABLE_WRITES.contains(command.toLowerCase()) && query.get(command) instanceof String collection
                && derived.test(collection);
    }

    private void commitIncluding(long versionOfThisWrite) {
        synchronized (commitLock) {
            if (getMvStore().getCurrentVersion() <= versionOfThisWrite) {
                getMvStore().commit();
            }
        }
    }

    @Override
    public void close() {
        // H2's own compaction: rewrites sparse chunks, then moves chunks down and cuts the file. (Calling its
        // chunk move directly as well tripped an assertion inside H2 in a test run: not done.)
        String sparseFile = null;
        if (!getMvStore().isClosed()) {
            try {
                getMvStore().compactFile(COMPACT_ON_CLOSE_MILLIS);
                if (!getMvStore().isReadOnly()) {
                    getMvStore().openMap(STATE).put(CLOSED_CLEANLY, Boolean.TRUE); // saved by the close's own commit
                    // judged after H2's pass, which drops the retention time: before it, the chunks written in the
                    // last 45 s all count as live, and a 7 GB file of the bench looked too full to copy
                    FileStore<?> file = getMvStore().getFileStore();
                    if (file != null && FileRewrite.worthIt(file.size(), file.getFillRate())) {
                        sparseFile = file.getFileName();
                    }
                }
            } catch (RuntimeException | AssertionError compactionFailed) {
                // compaction only saves space; H2's own check inside it failed once in CI after a crash recovery.
                // Not marked clean, so the next open rebuilds the indexes rather than trust this close.
                log.warn("The embedded store's compaction on close failed; the next start rebuilds its indexes",
                         compactionFailed);
            }
        }
        super.close();
        if (sparseFile != null) {
            FileRewrite.copyWhole(sparseFile);
        }
    }

    /** H2's database with BSON pages; runs inside H2Database's constructor, hence the outer backend's store. */
    private final class BsonDatabase extends H2Database {

        private static final BsonPages.Documents DOCUMENTS = new BsonPages.Documents();
        private static final BsonPages.IndexKeys INDEX_KEYS = new BsonPages.IndexKeys();
        private static final BsonPages.PrefixKeys PREFIX_KEYS = new BsonPages.PrefixKeys();

        BsonDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        /**
         * An aggregation that starts with {@code $match} starts from the documents that query finds (through an index
         * where one serves it) instead of from the whole collection, which is where the embedded server always
         * starts one. The driver's {@code countDocuments} is such an aggregation: counting one school's monitoring
         * records decoded every school's (5.6 s and 2 GB of garbage in a store of 58,000 events; with a 320 MB heap it
         * ran out of memory and H2 closed the store). The whole pipeline, its {@code $match} too, still runs on them.
         */
        @Override
        public Document handleCommand(Channel channel, String command, Document query,
                                      DatabaseResolver databaseResolver, Oplog oplog) {
            if ("aggregate".equalsIgnoreCase(command) && query.get(command) instanceof String collectionName
                    && query.get("pipeline") instanceof List<?> pipeline && !pipeline.isEmpty()
                    && pipeline.get(0) instanceof Document first && first.get("$match") instanceof Document match) {
                MongoCollection<Object> collection = resolveCollection(collectionName, false);
                OptionalLong counted = collection instanceof IndexedCollection indexed
                        && countsAll(pipeline) ? indexed.countFromIndex(match) : OptionalLong.empty();
                if (counted.isPresent()) {
                    // the driver's countDocuments: {$match}, then {$group: {_id: 1, n: {$sum: 1}}}; no group of nothing
                    Document group = (Document) ((Document) pipeline.get(1)).get("$group");
                    List<Document> batch = counted.getAsLong() == 0 ? List.of()
                            : List.of(new Document("_id", group.get("_id")).append(
                                    group.keySet().stream().filter(k -> !k.equals("_id")).findFirst().orElseThrow(),
                                    Math.toIntExact(counted.getAsLong()))); // as the server's own $sum answers
                    return cursorResponse(collectionName, batch);
                }
                if (collection != null) {
                    Aggregation aggregation = Aggregation.fromPipeline(pipeline, databaseResolver, this, collection,
                                                                       oplog);
                    aggregation.validate(query);
                    return cursorResponse(collectionName,
                                          aggregation.runStages(collection.handleQueryAsStream(match)));
                }
            }
            return super.handleCommand(channel, command, query, databaseResolver, oplog);
        }

        /** {@code [{$match: ...}, {$group: {_id: <a constant>, <name>: {$sum: 1}}}]}: a count, as the driver asks. */
        private static boolean countsAll(List<?> pipeline) {
            if (pipeline.size() != 2 || !(pipeline.get(1) instanceof Document stage) || stage.size() != 1
                    || !(stage.get("$group") instanceof Document group) || group.size() != 2
                    || !(group.get("_id") instanceof Number)) {
                return false;
            }
            return group.entrySet().stream().filter(e -> !e.getKey().equals("_id"))
                        .allMatch(e -> e.getValue() instanceof Document sum && sum.size() == 1
                                && sum.get("$sum") instanceof Number one && one.intValue() == 1);
        }

        private Document cursorResponse(String collectionName, List<Document> batch) {
            Document cursor = new Document("id", 0L);
            cursor.put("ns", getFullCollectionNamespace(collectionName));
            cursor.put("firstBatch", batch);
            Document response = new Document("cursor", cursor);
            Utils.markOkay(response);
            return response;
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = getMvStore().openMap(
                    "databases." + fullName, new MVMap.Builder<Object, Document>().valueType(DOCUMENTS));
            MVMap<String, Object> metaMap = getMvStore().openMap("meta." + fullName);
            return new IndexedCollection(this, collectionName, options, dataMap, metaMap);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            String legacyName = legacyIndexMap(collectionName, indexName);
            MVMap<KeyValue, Object> map = getMvStore().openMap(
                    legacyName + ".bson", new MVMap.Builder<KeyValue, Object>().keyType(INDEX_KEYS));
            if (getMvStore().hasMap(legacyName)) {
                // a file from before BSON pages: the old map is ordered by serialised bytes, so copy it over once
                // (repeatable if interrupted: puts of the same keys)
                MVMap<KeyValue, Object> legacy = getMvStore().openMap(legacyName);
                legacy.forEach(map::put);
                getMvStore().removeMap(legacy);
            }
            return new UniqueIndexOnMap(map, indexName, keys, sparse, dataOf(collectionName).getKeyType()::compare);
        }

        /** H2's backend ignores non-unique indexes; ours keeps them, so a school's records are found by key. */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                           List<IndexKey> keys, boolean sparse) {
            MVMap<KeyValue, Boolean> map = getMvStore().openMap(
                    legacyIndexMap(collectionName, indexName) + ".secondary",
                    new MVMap.Builder<KeyValue, Boolean>().keyType(PREFIX_KEYS));
            return new SecondaryIndexOnMap(map, indexName, keys, sparse, dataOf(collectionName).getKeyType()::compare);
        }

        /** The collection's own map (already open): its key order is the order documents lie in the file. */
        private MVMap<Object, Document> dataOf(String collectionName) {
            return getMvStore().openMap("databases." + getFullCollectionNamespace(collectionName),
                                        new MVMap.Builder<Object, Document>().valueType(DOCUMENTS));
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            getMvStore().removeMap(legacyIndexMap(collection.getCollectionName(), indexName) + ".bson");
            getMvStore().removeMap(legacyIndexMap(collection.getCollectionName(), indexName) + ".secondary");
        }

        private String legacyIndexMap(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + INDEX_MAP + indexName;
        }
    }

    /** H2's collection, finding documents through an index for more of the queries the projections make. */
    private final class IndexedCollection extends H2Collection {

        IndexedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                          MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap) {
            super(database, collectionName, options, dataMap, metaMap, getCursorRegistry());
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            List<Map.Entry<Index<Object>, Document>> usable = IndexedLookup.usable(getIndexes(), query);
            if (usable.isEmpty()) {
                if (!query.isEmpty() && !getCollectionName().startsWith("system.")) { // the server's own index list
                    countScan(getDatabaseName() + "." + getCollectionName());
                }
                return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            if (limit > 0) {
                // a page: any index that gives the sort's order, whatever the order the indexes were opened in (the
                // candidates are read once more below, by the server's own matching and sorting: a page's worth)
                for (var lookup : usable) {
                    if (lookup.getKey() instanceof SecondaryIndexOnMap secondary) {
                        var positions = secondary.firstInOrder(lookup.getValue(), orderBy, numberToSkip + limit,
                                this::getDocument, document -> documentMatchesQuery(document, query));
                        if (positions.isPresent()) {
                            return matchDocuments(query, positions.get(), orderBy, numberToSkip, limit, batchSize,
                                                  fieldSelector);
                        }
                    }
                }
            }
            var lookup = usable.get(0);
            boolean exact = lookup.getKey() instanceof UniqueIndexOnMap && lookup.getKey().getKeys().size() == 1
                    && IndexedLookup.onlyIds(query);
            return matchDocuments(exact ? new Document() : query, lookup.getKey().getPositions(lookup.getValue()),
                                  orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /**
         * How many documents match {@code query}, counted from an index without reading them, when the query is
         * nothing but values for an index's leading fields (one school's whole list, say), or asks only of fields one
         * index holds ({@link CoveredCount}); else empty.
         */
        OptionalLong countFromIndex(Document query) {
            return IndexedLookup.exactly(getIndexes(), query)
                                .map(found -> {
                                    long n = 0;
                                    for (Object ignored : found.getKey().getPositions(found.getValue())) {
                                        n++;
                                    }
                                    return OptionalLong.of(n);
                                })
                                .orElseGet(() -> CoveredCount.count(getIndexes(), query,
                                                                    key -> documentMatchesQuery(key, query)));
        }
    }

    /**
     * A unique index kept in an MVStore map (H2's own index class cannot be built outside its package). The server's
     * unique index answers only a query giving every one of its fields; this one also answers a query giving a run
     * of a compound key's leading fields (plain values or {@code $in}), as MongoDB does: the ledger's records by
     * their ids alone, without their sequence numbers, were a scan of the whole ledger for each erasure.
     */
    private static final class UniqueIndexOnMap extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;
        private final Comparator<Object> fileOrder;

        UniqueIndexOnMap(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse,
                         Comparator<Object> fileOrder) {
            super(name, keys, sparse);
            this.map = map;
            this.fileOrder = fileOrder;
        }

        @Override
        public synchronized boolean canHandle(Document query) {
            return super.canHandle(query) || isCompoundIndex() && !leadingRun(query).isEmpty();
        }

        @Override
        public synchronized Iterable<Object> getPositions(Document query) {
            if (super.canHandle(query)) {
                return super.getPositions(query);
            }
            Set<Object> positions = new LinkedHashSet<>();
            for (List<Object> prefix : leadingRun(query)) {
                // keys are ordered by size, then value by value with null first: a key of full size ending in
                // nulls comes before every key beginning with the prefix, and those keys are contiguous
                List<Object> from = new ArrayList<>(prefix);
                while (from.size() < keys().size()) {
                    from.add(null);
                }
                org.h2.mvstore.Cursor<KeyValue, Object> keys = map.cursor(new KeyValue(from));
                while (keys.hasNext() && IndexedLookup.startsWith(keys.next(), prefix)) {
                    positions.add(keys.getValue()); // as the server's own lookup gives it
                }
            }
            return inFileOrder(positions, fileOrder);
        }

        /** The prefixes a query gives, shorter than the whole key (a whole key is the server's own lookup). */
        private List<List<Object>> leadingRun(Document query) {
            List<List<Object>> prefixes = IndexedLookup.prefixes(keys(), query);
            return prefixes.isEmpty() || prefixes.get(0).size() >= keys().size() ? List.of() : prefixes;
        }

        @Override
        protected Object removeDocument(KeyValue key) {
            return map.remove(key);
        }

        @Override
        protected boolean putKeyPosition(KeyValue key, Object position) {
            return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue key) {
            return map.get(key);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }

    /**
     * A non-unique index kept in an MVStore map: one entry per (indexed values, position). It answers queries that
     * give a plain value (or {@code $in} of plain values) for the index's first field, or for a run of its leading
     * fields; the server then checks each document found against the whole query, so other conditions still apply.
     */
    static final class SecondaryIndexOnMap extends Index<Object> {

        private final MVMap<KeyValue, Boolean> map;
        private final Comparator<Object> fileOrder;

        SecondaryIndexOnMap(MVMap<KeyValue, Boolean> map, String name, List<IndexKey> keys, boolean sparse,
                            Comparator<Object> fileOrder) {
            super(name, keys, sparse);
            this.map = map;
            this.fileOrder = fileOrder;
        }

        @Override
        public Object getPosition(Document document) {
            return null; // not unique: documents are found through the primary key
        }

        @Override
        public void checkAdd(Document document, MongoCollection<Object> collection) {
            // nothing to refuse
        }

        @Override
        public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
            if (isSparse() && hasNoValueForKeys(document)) {
                return;
            }
            for (KeyValue values : keyValues(document)) {
                map.put(withPosition(values, position), Boolean.TRUE);
            }
        }

        @Override
        public synchronized Object remove(Document document) {
            if (isSparse() && hasNoValueForKeys(document)) {
                return null;
            }
            Object position = positionOf(document);
            for (KeyValue values : keyValues(document)) {
                map.remove(withPosition(values, position));
            }
            return position;
        }

        @Override
        public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
            // nothing to refuse
        }

        @Override
        public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
                                               MongoCollection<Object> collection) {
            Set<KeyValue> oldKeys = keyValues(oldDocument);
            if (!oldKeys.equals(keyValues(newDocument))) {
                if (!(isSparse() && hasNoValueForKeys(oldDocument))) {
                    for (KeyValue values : oldKeys) {
                        map.remove(withPosition(values, position));
                    }
                }
                add(newDocument, position, collection);
            }
        }

        @Override
        public synchronized boolean canHandle(Document query) {
            return !IndexedLookup.prefixes(keys(), query).isEmpty();
        }

        @Override
        public synchronized Iterable<Object> getPositions(Document query) {
            Set<Object> positions = new LinkedHashSet<>();
            for (List<Object> prefix : IndexedLookup.prefixes(keys(), query)) {
                Iterator<KeyValue> keys = map.keyIterator(new KeyValue(prefix));
                while (keys.hasNext()) {
                    KeyValue key = keys.next();
                    if (!IndexedLookup.startsWith(key, prefix)) {
                        break; // past the run of this prefix
                    }
                    positions.add(key.get(key.size() - 1));
                }
            }
            return inFileOrder(positions, fileOrder);
        }

        /** Not sparse: every document of the collection has its keys here (see {@link CoveredCount}). */
        boolean holdsEveryDocument() {
            return !isSparse();
        }

        /**
         * Hands {@code each} every key whose first value is {@code leading} (its values, then the position), in order,
         * until it returns false (see {@link CoveredCount}).
         */
        synchronized void eachKeyStartingWith(Object leading, Predicate<KeyValue> each) {
            KeyValue from = new KeyValue(List.of(leading)).normalized();
            List<Object> prefix = from.stream().toList();
            Iterator<KeyValue> keysFrom = map.keyIterator(from);
            while (keysFrom.hasNext()) {
                KeyValue key = keysFrom.next();
                if (!IndexedLookup.startsWith(key, prefix) || !each.test(key)) {
                    return;
                }
            }
        }

        /**
         * For a page of a sorted list (a school's monitoring, newest first): the positions of the documents that can
         * be on it, when the query gives one value for each of this index's fields before the sort's first field.
         * The index is walked in that field's order and documents are read only until {@code wanted} of them match,
         * plus any that tie with the last (the full sort then decides among those); without this the server reads
         * and sorts every document of the school for a page of 20. Empty when that does not apply: the query or sort
         * has another shape, or the run holds values other than text (the index orders mixed types by class, not as
         * MongoDB sorts them) or arrays (a document then has several places in the index).
         */
        Optional<List<Object>> firstInOrder(Document part, Document orderBy, int wanted,
                                            Function<Object, Document> load,
                                            Predicate<Document> matches) {
            if (orderBy == null || orderBy.isEmpty() || !(orderBy.values().iterator().next() instanceof Number way)) {
                return Optional.empty();
            }
            String sortKey = orderBy.keySet().iterator().next();
            List<String> keys = keys();
            int at = keys.indexOf(sortKey);
            if (at < 1) {
                return Optional.empty();
            }
            List<Object> raw = new ArrayList<>();
            for (int i = 0; i < at; i++) {
                Object value = part.get(keys.get(i));
                if (!plain(value)) {
                    return Optional.empty();
                }
                raw.add(value);
            }
            List<Object> prefix = new KeyValue(raw).normalized().stream().toList();
            List<KeyValue> run = new ArrayList<>();
            Set<Object> seen = new HashSet<>();
            synchronized (this) {
                Iterator<KeyValue> keysFrom = map.keyIterator(new KeyValue(prefix));
                while (keysFrom.hasNext()) {
                    KeyValue key = keysFrom.next();
                    if (!IndexedLookup.startsWith(key, prefix)) {
                        break;
                    }
                    if (!textOrNothing(key.get(at)) || !seen.add(key.get(key.size() - 1))) {
                        return Optional.empty();
                    }
                    run.add(key);
                }
            }
            if (way.intValue() < 0) {
                Collections.reverse(run);
            }
            List<Object> candidates = new ArrayList<>();
            int matched = 0;
            Object last = null;
            for (KeyValue key : run) {
                Object value = key.get(at) instanceof String text ? text : null; // null and absent sort alike
                if (matched >= wanted && !Objects.equals(value, last)) {
                    break;
                }
                Object position = key.get(key.size() - 1);
                Document document = load.apply(position);
                if (document == null) {
                    continue; // removed since the index was read
                }
                if (!textOrNothing(Utils.getSubdocumentValue(document, sortKey))) {
                    return Optional.empty();
                }
                candidates.add(position);
                if (matches.test(document) && ++matched == wanted) {
                    last = value;
                }
            }
            return Optional.of(candidates);
        }

        private static boolean textOrNothing(Object value) {
            return value == null || value instanceof Missing || value instanceof String;
        }

        /**
         * The document's keys in this index. The server's own method gives none at all when an indexed field holds an
         * empty array, which would hide the document from every lookup by the other fields (a school's records
         * without it); such a document is kept under null for that field (no plain value finds it there).
         */
        private Set<KeyValue> keyValues(Document document) {
            Set<KeyValue> values = getKeyValues(document);
            if (!values.isEmpty()) {
                return values;
            }
            List<Object> withNulls = new ArrayList<>();
            for (String key : keys()) {
                Object value = Utils.getSubdocumentValue(document, key);
                withNulls.add(value instanceof Collection<?> ? null : value);
            }
            return Set.of(new KeyValue(withNulls).normalized());
        }

        private boolean hasNoValueForKeys(Document document) {
            // stored keys are normalized: an absent field reads as null
            return getKeyValues(document).stream()
                                         .allMatch(values -> values.stream().allMatch(v -> v == null || v instanceof Missing));
        }

        private static Object positionOf(Document document) {
            return Missing.ofNullable(Utils.getSubdocumentValue(document, "_id"));
        }

        private static KeyValue withPosition(KeyValue values, Object position) {
            List<Object> key = new ArrayList<>(values.size() + 1);
            values.forEach(key::add);
            key.add(position);
            return new KeyValue(key);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }

        @Override
        public void drop() {
            map.clear();
        }
    }

    /** A value an index can look up as it is: not null, not an expression, not an array, not a pattern. */
    static boolean plain(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof ObjectId || value instanceof UUID;
    }

    /** Positions sorted as their documents lie in the file: each page is then read and decoded once. */
    private static List<Object> inFileOrder(Collection<Object> positions, Comparator<Object> fileOrder) {
        List<Object> sorted = new ArrayList<>(positions);
        sorted.sort(fileOrder);
        return sorted;
    }
}
