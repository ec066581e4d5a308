package school.evidence.query.replay;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.Configuration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Rebuilds a projection from the first event into a shadow database while the live one keeps answering, then
 * (when asked) swaps it in: the live processor pauses, the shadow catches up to the head, its collections replace
 * the live ones and the processor resumes from where the shadow stopped. Also compares a shadow with the live
 * data document by document, which is how replay is proven deterministic.
 */
@Component
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    /** The ledger's Merkle index assigns permanent positions; it is never rebuilt. */
    private static final List<String> NOT_REBUILT = List.of("ledger-index", "erasures");

    public record Result(String group, long events, Map<String, Integer> documents, List<String> differences,
                         boolean swapped) {
    }

    private final ApplicationContext context;
    private final MongoClient client;
    private final MongoDatabase live;
    private final EventStorageEngine engine;
    private final Configuration axon;
    private final java.util.concurrent.atomic.AtomicInteger rebuilding = new java.util.concurrent.atomic.AtomicInteger();

    /** Whether a rebuild is under way: readiness is withheld until it has caught up and swapped in. */
    public boolean rebuilding() {
        return rebuilding.get() > 0;
    }

    public ProjectionRebuild(ApplicationContext context, MongoClient client, MongoDatabase live,
                             EventStorageEngine engine, Configuration axon) {
        this.context = context;
        this.client = client;
        this.live = live;
        this.engine = engine;
        this.axon = axon;
    }

    /** The processing groups of every rebuildable projection. */
    public List<String> groups() {
        return new ArrayList<>(projections().keySet());
    }

    /** Rebuilds into a shadow and compares it with the live collections; changes nothing live. */
    public Result compare(String group) {
        Object projection = projection(group);
        MongoDatabase shadow = shadow(group);
        try {
            long events = replay(newInstance(projection, shadow), null).events();
            return new Result(group, events, counts(shadow), differences(shadow), false);
        } finally {
            shadow.drop();
        }
    }

    /**
     * Rebuilds into a shadow, then swaps it in for the live projection. One at a time: an operator's rebuild and the
     * one an erasure starts must not pause, reset and restart the same processor over each other.
     */
    public synchronized Result rebuildAndSwap(String group) {
        Object projection = projection(group);
        TrackingEventProcessor processor = axon.eventProcessingConfiguration()
                                               .eventProcessor(group, TrackingEventProcessor.class)
                                               .orElseThrow(() -> new IllegalStateException("No processor " + group));
        MongoDatabase shadow = shadow(group);
        rebuilding.incrementAndGet();
        try {
            Object rebuilt = newInstance(projection, shadow);
            Replayed first = replay(rebuilt, null);               // live keeps answering meanwhile
            processor.shutDown();
            Replayed rest = replay(rebuilt, first.lastToken());   // catch up to the head
            TrackingToken head = rest.lastToken() != null ? rest.lastToken() : first.lastToken();
            if (head != null) {
                processor.resetTokens(head);                       // runs the projection's reset handler (clears live)
            }
            for (String name : shadow.listCollectionNames()) {
                MongoCollection<Document> target = live.getCollection(name);
                target.deleteMany(new Document());
                List<Document> batch = new ArrayList<>();
                for (Document doc : shadow.getCollection(name).find()) {
                    batch.add(doc);
                    if (batch.size() == 1000) {
                        target.insertMany(batch);
                        batch.clear();
                    }
                }
                if (!batch.isEmpty()) {
                    target.insertMany(batch);
                }
            }
            processor.start();
            log.info("Projection {} rebuilt from {} events and swapped in", group, first.events() + rest.events());
            return new Result(group, first.events() + rest.events(), counts(shadow), List.of(), true);
        } finally {
            if (!processor.isRunning()) {
                processor.start();
            }
            shadow.drop();
            rebuilding.decrementAndGet();
        }
    }

    private record Replayed(long events, TrackingToken lastToken) {
    }

    private Replayed replay(Object projection, TrackingToken from) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        long count = 0;
        TrackingToken last = from;
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(from, false)) {
            java.util.Iterator<? extends TrackedEventMessage<?>> it = events.iterator();
            while (it.hasNext()) {
                TrackedEventMessage<?> event = it.next();
                if (adapter.canHandle(event)) {
                    adapter.handle(event);
                }
                last = event.trackingToken();
                count++;
            }
        } catch (Exception e) {
            throw new IllegalStateException("Replay failed after " + count + " events", e);
        }
        return new Replayed(count, last);
    }

    private List<String> differences(MongoDatabase shadow) {
        List<String> differences = new ArrayList<>();
        for (String name : shadow.listCollectionNames()) {
            Map<Object, Document> rebuilt = byId(shadow.getCollection(name));
            Map<Object, Document> current = byId(live.getCollection(name));
            for (Map.Entry<Object, Document> e : rebuilt.entrySet()) {
                Document now = current.get(e.getKey());
                if (now == null) {
                    differences.add(name + "/" + e.getKey() + ": missing from the live data");
                } else if (!now.toJson().equals(e.getValue().toJson())) {
                    differences.add(name + "/" + e.getKey() + ": differs");
                }
            }
            current.keySet().stream().filter(k -> !rebuilt.containsKey(k))
                   .forEach(k -> differences.add(name + "/" + k + ": only in the live data"));
        }
        return differences;
    }

    private static Map<Object, Document> byId(MongoCollection<Document> collection) {
        Map<Object, Document> docs = new TreeMap<>((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
        collection.find().forEach(d -> docs.put(d.get("_id"), d));
        return docs;
    }

    private static Map<String, Integer> counts(MongoDatabase db) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String name : db.listCollectionNames()) {
            counts.put(name, (int) db.getCollection(name).countDocuments());
        }
        return counts;
    }

    private MongoDatabase shadow(String group) {
        MongoDatabase shadow = client.getDatabase(live.getName() + "_rebuild_" + group.replace('-', '_'));
        shadow.drop();
        return shadow;
    }

    private Map<String, Object> projections() {
        Map<String, Object> byGroup = new TreeMap<>();
        for (Object bean : context.getBeansWithAnnotation(ProcessingGroup.class).values()) {
            ProcessingGroup group = AnnotationUtils.findAnnotation(bean.getClass(), ProcessingGroup.class);
            if (group != null && !NOT_REBUILT.contains(group.value())) {
                byGroup.put(group.value(), bean);
            }
        }
        return byGroup;
    }

    private Object projection(String group) {
        Object projection = projections().get(group);
        if (projection == null) {
            throw new IllegalArgumentException("No rebuildable projection " + group + "; known: " + groups());
        }
        return projection;
    }

    private static Object newInstance(Object projection, MongoDatabase database) {
        try {
            var constructor = projection.getClass().getDeclaredConstructor(MongoDatabase.class);
            constructor.setAccessible(true);
            return constructor.newInstance(database);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("A projection is built from a MongoDatabase alone: "
                                                    + projection.getClass().getName(), e);
        }
    }
}
