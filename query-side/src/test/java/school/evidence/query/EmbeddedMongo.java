package school.evidence.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import school.evidence.platform.access.Caller;
import school.evidence.platform.access.Role;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The embedded MongoDB server for projection tests, reached through the real driver; a fresh database each time. */
public class EmbeddedMongo implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    /** A senior leader of every school: reads are made as one unless a test signs in as someone else. */
    public static final Caller SENIOR_LEADER = new Caller("slt", "Senior Leader", Set.of(Role.SENIOR_LEADER),
                                                          Set.of(Caller.EVERY), Set.of());

    public static void signIn(Caller caller) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                caller, null, caller.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        signIn(SENIOR_LEADER);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        SecurityContextHolder.clearContext();
    }


    private final boolean onDisk;
    private MongoServer server;
    private MongoClient client;

    /** On the reference in-memory server. */
    public EmbeddedMongo() {
        this(false);
    }

    private EmbeddedMongo(boolean onDisk) {
        this.onDisk = onDisk;
    }

    /**
     * On the service's own embedded store (its H2 backend, kept in memory): its indexes choose a sorted page's
     * documents and count from their keys, which the reference server does by reading every document.
     */
    public static EmbeddedMongo onDisk() {
        return new EmbeddedMongo(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = new MongoServer(onDisk ? new school.evidence.store.DurableH2Backend(org.h2.mvstore.MVStore.open(null))
                : new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        server.shutdownNow();
    }

    public MongoDatabase freshDatabase() {
        return client.getDatabase("projection_" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** Feeds an event the way a processor would: through Axon's annotated-handler machinery. */
    public static void feed(Object projection, EventMessage<?>... events) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        for (EventMessage<?> event : events) {
            try {
                adapter.handle(event);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Feeds events as one batch of a processor: in one batching unit of work, through the interceptor every processor
     * has, so the projection's writes go to the store together at the end. Throws what the batch threw.
     */
    public static void feedInOneBatch(Object projection, EventMessage<?>... events) {
        BatchedWrites.handleAsOneBatch(new AnnotationEventHandlerAdapter(projection), List.of(events));
    }

    /** The monitoring list projection (package-private in its feature) on a given database, for cross-feature reads. */
    public static Object monitoringList(MongoDatabase database) {
        return projection("school.evidence.query.monitoring.MonitoringListProjection", database);
    }

    /** The plan view projection, likewise. */
    public static Object planView(MongoDatabase database) {
        return projection("school.evidence.query.plan.PlanViewProjection", database);
    }

    private static Object projection(String className, MongoDatabase database) {
        try {
            var constructor = Class.forName(className).getDeclaredConstructor(MongoDatabase.class);
            constructor.setAccessible(true);
            return constructor.newInstance(database);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static EventMessage<?> event(String aggregateType, String aggregateId, long seq, Object payload,
                                        String actor) {
        return new GenericDomainEventMessage<>(aggregateType, aggregateId, seq, payload,
                                               MetaData.with("actor", actor).and("actorRole", "SENIOR_LEADER"));
    }

    /** An event recorded at a given instant (for reads as the product knew things then). */
    public static EventMessage<?> event(String aggregateType, String aggregateId, long seq, Object payload,
                                        String actor, java.time.Instant recordedAt) {
        return new GenericDomainEventMessage<>(aggregateType, aggregateId, seq, payload,
                                               MetaData.with("actor", actor).and("actorRole", "SENIOR_LEADER"),
                                               java.util.UUID.randomUUID().toString(), recordedAt);
    }

}
