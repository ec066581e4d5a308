package school.evidence.ledger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterAll;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The same contract on a real MongoDB replica set; skipped (not failed) where Docker is unavailable. */
@Testcontainers(disabledWithoutDocker = true)
class RealMongoEngineContractTest extends EventStorageEngineContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    private static MongoClient client;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(MONGO.getReplicaSetUrl());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void runsAgainstAReplicaSet() {
        Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
        assertThat(hello.getString("setName")).as("the contract must hold on a replica set, as in production")
                                              .isNotBlank();
    }

    @Override
    protected MongoDatabase freshDatabase() {
        return client.getDatabase("contract_" + UUID.randomUUID().toString().replace("-", ""));
    }
}
