package school.evidence.standalone;

import school.evidence.ledger.LedgerFields;
import school.evidence.ledger.RawLedger;
import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded store's loopback port answers only connections that present its access key: another local process
 * can neither read the ledger nor slip an event into it; an operator given the key can reach it.
 */
@SpringBootTest(properties = {"evidence.store.in-memory=true", "spring.application.name=store-access",
                              "evidence.store.access-key=operator-maintenance-key-0123456789"})
class EmbeddedStoreAccessTest {

    @Autowired
    MongoServer store;
    @Autowired
    MongoDatabase database;

    private MongoClient client(String appName) {
        String uri = "mongodb://127.0.0.1:" + store.getLocalAddress().getPort() + "/evidence"
                + (appName == null ? "" : "?appName=" + appName);
        return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(1500, TimeUnit.MILLISECONDS)).build());
    }

    @Test
    void anotherProcessWithoutTheKeyCanNeitherReadNorWriteTheStore() {
        RawLedger.events(database).insertOne(new Document("_id", "probe:0").append(LedgerFields.GLOBAL_INDEX, -42L));
        long before = RawLedger.events(database).countDocuments();
        for (String appName : new String[]{null, "mongosh", "operator-maintenance-key-012345678"}) {
            try (MongoClient stranger = client(appName)) {
                var events = RawLedger.events(stranger.getDatabase("evidence"));
                assertThatThrownBy(() -> events.find().first()).as("read with app name %s", appName)
                        .isInstanceOf(com.mongodb.MongoException.class);
                assertThatThrownBy(() -> events.insertOne(new Document("_id", "forged:0")
                                                                  .append(LedgerFields.RECORDED_AT, "2023-10-02T09:00:00Z")))
                        .as("write with app name %s", appName).isInstanceOf(com.mongodb.MongoException.class);
            }
        }
        assertThat(RawLedger.events(database).countDocuments()).isEqualTo(before);
        assertThat(RawLedger.events(database).find(new Document("_id", "forged:0")).first()).isNull();
    }

    @Test
    void anOperatorGivenTheKeyReachesItForMaintenance() {
        try (MongoClient operator = client("operator-maintenance-key-0123456789")) {
            assertThat(operator.getDatabase("evidence").listCollectionNames().into(new java.util.ArrayList<>()))
                    .isNotEmpty();
        }
    }
}
