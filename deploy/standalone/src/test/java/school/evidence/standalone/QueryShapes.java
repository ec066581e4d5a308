package school.evidence.standalone;

import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Every query shape the services send while the tests run (a driver {@link CommandListener}, registered in every
 * test context by {@link QueryShapeRecording}), each checked against the indexes its collection has: a shape that
 * would make a real MongoDB scan the collection, or sort in memory, is a finding. The check runs on its own thread
 * with its own connection, a moment after the query, when the projections' indexes exist.
 */
public final class QueryShapes implements CommandListener {

    public static final QueryShapes RECORDER = new QueryShapes();

    /** A query as the planner sees it: which fields are matched exactly, which by range, and the sort. */
    record Shape(String collection, String command, Set<String> equality, Set<String> range,
                 List<Map.Entry<String, Integer>> sort) {
        @Override
        public String toString() {
            return collection + " " + command + " eq" + equality + " range" + range + " sort" + sort;
        }
    }

    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Map<String, String> findings = new ConcurrentHashMap<>();
    private final Map<String, String> origins = new ConcurrentHashMap<>();
    private final Map<ServerAddress, MongoClient> checkers = new ConcurrentHashMap<>();
    private final ExecutorService checking = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "query-shape-check");
        t.setDaemon(true);
        return t;
    });

    private QueryShapes() {
    }

    /**
     * Callers that read whole collections on purpose, and why: nothing else may. Matched against the service class
     * that sent the query (the first {@code school.evidence} frame on the stack).
     */
    static final Map<String, String> WHOLE_READS_BY_DESIGN = Map.of(
            "school.evidence.ledger.backup.", "a backup archives every document; a restore clears what it wrote",
            "school.evidence.query.replay.ShadowCopies", "a rebuild compares and replaces every document",
            "school.evidence.platform.privacy.SubjectKeys.opensTheStore",
            "once at start-up, for a store from before the key check value: stops at the first key",
            "school.evidence.store.", "the embedded store's own housekeeping",
            "school.evidence.ledger.merkle.SchoolLog.schools", "one head per school: the list of every school's log");

    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /** The service method that sent the query, or null when a test sent it itself (its own raw reads). */
    private static String origin() {
        return STACK.walk(frames -> {
            String first = null;
            for (StackWalker.StackFrame f : (Iterable<StackWalker.StackFrame>) frames::iterator) {
                Class<?> c = f.getDeclaringClass();
                if (!c.getName().startsWith("school.evidence.") || c.getName().startsWith(QueryShapes.class.getName())) {
                    continue;
                }
                var source = c.getProtectionDomain().getCodeSource();
                String where = source == null ? "" : source.getLocation().toString();
                if (where.contains("test-classes") || where.endsWith("-tests.jar")) {
                    return null;
                }
                if (first == null) {
                    first = c.getName() + "." + f.getMethodName();
                }
            }
            return first == null ? "" : first;
        });
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonDocument command = event.getCommand();
        List<Shape> shapes = shapesOf(event.getCommandName(), command);
        if (shapes.isEmpty()) {
            return;
        }
        String origin = origin();
        if (origin == null || WHOLE_READS_BY_DESIGN.keySet().stream().anyMatch(origin::startsWith)) {
            return;
        }
        for (Shape shape : shapes) {
            if (seen.add(shape.toString())) {
                origins.put(shape.toString(), origin);
                ServerAddress server = event.getConnectionDescription().getServerAddress();
                String database = event.getDatabaseName();
                checking.submit(() -> check(server, database, shape));
            }
        }
    }

    /** Findings so far, once every queued check has run: shape → why. */
    public Map<String, String> findings() throws InterruptedException {
        var drained = checking.submit(() -> { });
        try {
            drained.get(5, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
        return Map.copyOf(findings);
    }

    void lookUpIndexesWith(MongoClient client) {
        client.getClusterDescription().getClusterSettings().getHosts().forEach(host -> checkers.put(host, client));
    }

    public int shapesSeen() {
        return seen.size();
    }

    // ------------------------------------------------------------------ reading commands

    static List<Shape> shapesOf(String name, BsonDocument command) {
        List<Shape> shapes = new ArrayList<>();
        switch (name) {
            case "find" -> shapes.add(shape("find", command.getString("find").getValue(),
                                            command.getDocument("filter", new BsonDocument()),
                                            command.getDocument("sort", new BsonDocument())));
            case "count" -> {
                BsonDocument query = command.getDocument("query", new BsonDocument());
                if (!query.isEmpty()) { // an empty count is answered from the collection's metadata
                    shapes.add(shape("count", command.getString("count").getValue(), query, new BsonDocument()));
                }
            }
            case "distinct" -> shapes.add(shape("distinct", command.getString("distinct").getValue(),
                                                command.getDocument("query", new BsonDocument()), new BsonDocument()));
            case "findAndModify" -> shapes.add(shape("findAndModify", command.getString("findAndModify").getValue(),
                                                     command.getDocument("query", new BsonDocument()),
                                                     command.getDocument("sort", new BsonDocument())));
            case "update" -> command.getArray("updates", new BsonArray()).forEach(u -> shapes.add(
                    shape("update", command.getString("update").getValue(), u.asDocument().getDocument("q"),
                          new BsonDocument())));
            case "delete" -> command.getArray("deletes", new BsonArray()).forEach(d -> shapes.add(
                    shape("delete", command.getString("delete").getValue(), d.asDocument().getDocument("q"),
                          new BsonDocument())));
            case "aggregate" -> aggregate(command).ifPresent(shapes::add);
            default -> { }
        }
        return shapes;
    }

    private static java.util.Optional<Shape> aggregate(BsonDocument command) {
        if (!command.get("aggregate").isString()) {
            return java.util.Optional.empty();
        }
        BsonArray pipeline = command.getArray("pipeline");
        BsonDocument match = new BsonDocument();
        BsonDocument sort = new BsonDocument();
        int i = 0;
        if (i < pipeline.size() && pipeline.get(i).asDocument().containsKey("$match")) {
            match = pipeline.get(i++).asDocument().getDocument("$match");
        }
        if (i < pipeline.size() && pipeline.get(i).asDocument().containsKey("$sort")) {
            sort = pipeline.get(i).asDocument().getDocument("$sort");
        }
        return java.util.Optional.of(shape("aggregate", command.getString("aggregate").getValue(), match, sort));
    }

    private static Shape shape(String command, String collection, BsonDocument filter, BsonDocument sort) {
        Set<String> equality = new LinkedHashSet<>();
        Set<String> range = new LinkedHashSet<>();
        fields(filter, equality, range);
        List<Map.Entry<String, Integer>> order = new ArrayList<>();
        sort.forEach((field, dir) -> order.add(Map.entry(field, dir.isNumber() ? dir.asNumber().intValue() : 1)));
        return new Shape(collection, command, equality, range, order);
    }

    private static void fields(BsonDocument filter, Set<String> equality, Set<String> range) {
        filter.forEach((field, value) -> {
            if (field.equals("$and")) {
                value.asArray().forEach(part -> fields(part.asDocument(), equality, range));
            } else if (field.equals("$or") || field.equals("$nor")) {
                // each branch needs its own index; counted as ranges over their fields
                value.asArray().forEach(part -> fields(part.asDocument(), range, range));
            } else if (field.startsWith("$")) {
                range.add(field);
            } else if (isOperatorDocument(value)) {
                boolean exact = value.asDocument().keySet().stream().allMatch(op -> op.equals("$eq") || op.equals("$in"));
                (exact ? equality : range).add(field);
            } else {
                equality.add(field);
            }
        });
    }

    private static boolean isOperatorDocument(BsonValue value) {
        return value.isDocument() && !value.asDocument().isEmpty()
                && value.asDocument().keySet().iterator().next().startsWith("$");
    }

    // ------------------------------------------------------------------ checking against indexes

    private void check(ServerAddress server, String database, Shape shape) {
        try {
            MongoClient client = checkers.get(server);
            if (client == null) {
                return; // a client the tests made themselves (raw reads of the store): not the services' queries
            }
            List<List<Map.Entry<String, Integer>>> indexes = new ArrayList<>();
            client.getDatabase(database).getCollection(shape.collection()).listIndexes()
                  .forEach(index -> indexes.add(keys(index.get("key", Document.class))));
            String why = whyNotServed(shape, indexes);
            if (why != null) {
                findings.put(shape.toString(), why + "; sent by " + origins.get(shape.toString()) + "; indexes: "
                                               + indexes);
            }
        } catch (RuntimeException gone) {
            // the test's server stopped before the check ran: the same shape is met again by a later test
            seen.remove(shape.toString());
        }
    }

    private static List<Map.Entry<String, Integer>> keys(Document key) {
        List<Map.Entry<String, Integer>> keys = new ArrayList<>();
        key.forEach((field, dir) -> keys.add(Map.entry(field, dir instanceof Number n ? n.intValue() : 1)));
        return keys;
    }

    /**
     * Null when some index serves the shape: its leading keys are fields the query matches exactly (any order), and
     * the sort, if any, follows them in the index (all in its direction or all reversed); a query with no fields at
     * all is served only by an index that walks its sort. Otherwise the reason.
     */
    static String whyNotServed(Shape shape, List<List<Map.Entry<String, Integer>>> indexes) {
        List<List<Map.Entry<String, Integer>>> all = new ArrayList<>(indexes);
        all.add(List.of(Map.entry("_id", 1)));
        boolean anyField = !shape.equality().isEmpty() || !shape.range().isEmpty();
        if (!anyField && shape.sort().isEmpty()) {
            return "reads the whole collection";
        }
        // a sort key the query matches exactly orders nothing
        List<Map.Entry<String, Integer>> sort = shape.sort().stream()
                .filter(k -> !shape.equality().contains(k.getKey())).toList();
        for (List<Map.Entry<String, Integer>> index : all) {
            int used = 0;
            while (used < index.size() && shape.equality().contains(index.get(used).getKey())) {
                used++;
            }
            boolean narrows = used > 0 || (!index.isEmpty() && shape.range().contains(index.get(0).getKey()));
            boolean sorted = sort.isEmpty() || sortFollows(sort, index, used);
            if (sorted && (narrows || (!anyField && !sort.isEmpty()))) {
                return null;
            }
        }
        return shape.sort().isEmpty() ? "no index leads with a field it matches (a collection scan)"
                : "no index matches it and then gives its sort (a collection scan or an in-memory sort)";
    }

    private static boolean sortFollows(List<Map.Entry<String, Integer>> sort, List<Map.Entry<String, Integer>> index,
                                       int from) {
        if (index.size() - from < sort.size()) {
            return false;
        }
        int flip = Integer.signum(sort.get(0).getValue()) == Integer.signum(index.get(from).getValue()) ? 1 : -1;
        for (int i = 0; i < sort.size(); i++) {
            Map.Entry<String, Integer> wanted = sort.get(i);
            Map.Entry<String, Integer> has = index.get(from + i);
            if (!wanted.getKey().equals(has.getKey())
                    || Integer.signum(wanted.getValue()) != flip * Integer.signum(has.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** For the report: the shapes seen, by collection. */
    public Map<String, List<String>> byCollection() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        seen.stream().sorted().forEach(s -> out.computeIfAbsent(s.substring(0, s.indexOf(' ')), c -> new ArrayList<>()).add(s));
        return out;
    }

    @Override
    public void commandSucceeded(com.mongodb.event.CommandSucceededEvent event) {
    }

    @Override
    public void commandFailed(com.mongodb.event.CommandFailedEvent event) {
    }
}
