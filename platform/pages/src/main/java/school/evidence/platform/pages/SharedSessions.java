package school.evidence.platform.pages;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.session.MapSession;
import org.springframework.session.SessionRepository;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Page sessions kept in the evidence database, so that every node of the service sees the same signed-in user, CSRF
 * token and form flash: in distributed mode a form is posted to the command side and the page it leads to is read
 * from the query side. Spring Session swaps the servlet session for these; the attributes are Java-serialized (only
 * this service writes the collection). An expired session is never returned and is deleted when next met.
 */
final class SharedSessions implements SessionRepository<MapSession> {

    static final String COLLECTION = "page_sessions";

    private final MongoCollection<Document> sessions;
    private final Duration maxInactive;

    SharedSessions(MongoDatabase database, Duration maxInactive) {
        this.sessions = database.getCollection(COLLECTION);
        this.maxInactive = maxInactive;
        // the tidy-up below deletes by expiry: without this index it would read every session
        sessions.createIndex(com.mongodb.client.model.Indexes.ascending("expiresAt"),
                             new com.mongodb.client.model.IndexOptions().name("byExpiry"));
    }

    @Override
    public MapSession createSession() {
        MapSession session = new MapSession();
        session.setMaxInactiveInterval(maxInactive);
        sessions.deleteMany(Filters.lt("expiresAt", new Date())); // tidy up now and then: once per new session
        return session;
    }

    @Override
    public void save(MapSession session) {
        if (!session.getId().equals(session.getOriginalId())) {
            sessions.deleteOne(Filters.eq("_id", session.getOriginalId())); // signed in: the old id is no key
        }
        Instant expires = session.getLastAccessedTime().plus(session.getMaxInactiveInterval());
        Document doc = new Document("_id", session.getId()).append("expiresAt", Date.from(expires))
                                                            .append("session", new Binary(serialize(session)));
        sessions.replaceOne(Filters.eq("_id", session.getId()), doc, new ReplaceOptions().upsert(true));
    }

    @Override
    public MapSession findById(String id) {
        Document doc = sessions.find(Filters.eq("_id", id)).first();
        if (doc == null) {
            return null;
        }
        MapSession stored = deserialize(doc.get("session", Binary.class).getData());
        if (stored == null || stored.isExpired()) { // unreadable (written by another version) or expired: sign in again
            deleteById(id);
            return null;
        }
        // a copy whose original id is its id, so a later change of id is noticed on save
        MapSession session = new MapSession(stored.getId());
        session.setCreationTime(stored.getCreationTime());
        session.setLastAccessedTime(stored.getLastAccessedTime());
        session.setMaxInactiveInterval(stored.getMaxInactiveInterval());
        stored.getAttributeNames().forEach(name -> session.setAttribute(name, stored.getAttribute(name)));
        return session;
    }

    @Override
    public void deleteById(String id) {
        sessions.deleteOne(Filters.eq("_id", id));
    }

    private static byte[] serialize(MapSession session) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(session);
        } catch (IOException e) {
            throw new UncheckedIOException("A page session could not be stored", e);
        }
        return bytes.toByteArray();
    }

    private static MapSession deserialize(byte[] data) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            return (MapSession) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            return null;
        }
    }
}
