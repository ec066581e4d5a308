package school.evidence.ledger;

import org.testcontainers.junit.jupiter.Testcontainers;

/** The failover contract on a three-member MongoDB 7.0 replica set; skipped where Docker is unavailable. */
@Testcontainers(disabledWithoutDocker = true)
class ReplicaSetFailoverMongo7Test extends ReplicaSetFailoverContract {

    @Override
    String version() {
        return "7.0";
    }
}
