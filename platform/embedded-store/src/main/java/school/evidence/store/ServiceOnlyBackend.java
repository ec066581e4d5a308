package school.evidence.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded store listens on loopback, where any local process can connect. It answers a connection only once the
 * connection's handshake (the driver's first command on every connection) names the store's access key as its
 * application name; until then every command gets "Unauthorized". The service's own driver sends the key (a random
 * one per start unless {@code evidence.store.access-key} is set), so no other process can read or write the store
 * through its port; one running as the service's own user, or root, can still open the file itself.
 */
final class ServiceOnlyBackend implements MongoBackend {

    private static final Set<String> HANDSHAKES = Set.of("hello", "ismaster");
    private static final int UNAUTHORIZED = 13;

    private final MongoBackend store;
    private final byte[] accessKey;
    private final Set<Channel> admitted = ConcurrentHashMap.newKeySet();

    ServiceOnlyBackend(MongoBackend store, String accessKey) {
        this.store = store;
        this.accessKey = accessKey.getBytes(StandardCharsets.UTF_8);
    }

    private void admit(Channel channel, String command, Document body) {
        if (admitted.contains(channel)) {
            return;
        }
        if (command != null && HANDSHAKES.contains(command.toLowerCase(Locale.ROOT)) && holdsKey(body)) {
            admitted.add(channel);
            return;
        }
        throw new MongoServerError(UNAUTHORIZED, "Unauthorized",
                                   "The embedded store answers only the evidence service (see evidence.store.access-key)");
    }

    private boolean holdsKey(Document handshake) {
        Object client = handshake.get("client");
        Object application = client instanceof Document c ? c.get("application") : null;
        Object name = application instanceof Document a ? a.get("name") : null;
        return name instanceof String given && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), accessKey);
    }

    private void require(Channel channel) {
        if (!admitted.contains(channel)) {
            throw new MongoServerError(UNAUTHORIZED, "Unauthorized", "The embedded store answers only the evidence service");
        }
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        admit(channel, command, query);
        return store.handleCommand(channel, databaseName, command, query);
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document body = message.getDocument();
        admit(message.getChannel(), body.isEmpty() ? null : body.keySet().iterator().next(), body);
        return store.handleMessage(message);
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        require(query.getChannel());
        return store.handleQuery(query);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        require(query.getChannel());
        return store.getCurrentOperations(query);
    }

    @Override
    public void handleClose(Channel channel) {
        admitted.remove(channel);
        store.handleClose(channel);
    }

    @Override
    public void dropDatabase(String database) {
        store.dropDatabase(database);
    }

    @Override
    public Document getServerStatus() {
        return store.getServerStatus();
    }

    @Override
    public void close() {
        store.close();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        store.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return store.getClock();
    }

    @Override
    public void enableOplog() {
        store.enableOplog();
    }

    @Override
    public void disableOplog() {
        store.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return store.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        store.version(version);
        return this;
    }
}
