package school.evidence.platform.privacy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys read ahead in batches open exactly what keys read one by one do, and an erased key stays closed. */
class SubjectKeysTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create(
            "mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort());
    private final byte[] kek = new byte[32];

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void keysReadAheadInBatchesAreTheSameKeysAndAnErasedOneIsNotBroughtBack() {
        Arrays.fill(kek, (byte) 7);
        MongoDatabase db = client.getDatabase("evidence");
        SubjectKeys writer = new SubjectKeys(db, kek);
        List<String> ids = new ArrayList<>(IntStream.range(0, 600) // more than two batches of the read-ahead
                .mapToObj(i -> writer.keyIdFor(SubjectKeys.person("100001", "Teacher " + i))).toList());
        String erased = writer.erase(SubjectKeys.person("100001", "Teacher 17")).orElseThrow();
        ids.add("no-such-key");

        SubjectKeys reader = new SubjectKeys(db, kek); // another node, nothing cached
        reader.preload(ids);

        for (String id : ids) {
            if (id.equals(erased) || id.equals("no-such-key")) {
                assertThat(reader.key(id)).as(id).isEmpty();
            } else {
                assertThat(reader.key(id)).as(id).isPresent();
                assertThat(reader.key(id).get().getEncoded()).isEqualTo(writer.key(id).orElseThrow().getEncoded());
            }
        }
        assertThat(writer.key(erased)).isEmpty();
    }

    @Test
    void aKeyDestroyedAfterItWasReadAheadIsClosedOnTheNodeThatDestroyedIt() {
        Arrays.fill(kek, (byte) 9);
        SubjectKeys keys = new SubjectKeys(client.getDatabase("evidence"), kek);
        String id = keys.keyIdFor(SubjectKeys.person("100001", "Ms Patel"));
        keys.preload(List.of(id));
        assertThat(keys.key(id)).isPresent();

        keys.erase(SubjectKeys.person("100001", "Ms Patel"));
        keys.preload(List.of(id)); // read ahead again, e.g. by the replay that makes the erasure good

        assertThat(keys.key(id)).isEmpty();
    }
}
