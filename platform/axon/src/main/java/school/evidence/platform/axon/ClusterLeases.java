package school.evidence.platform.axon;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Jobs that must run once across the cluster, not once on every node (signing checkpoints, the nightly retention
 * run): each run first takes its job's lease in the evidence database. The node holding it renews it on each run;
 * another node takes it over only once it has lapsed (the holder stopped or stalled). One keyed document per job;
 * a node that finds it held only reads it (no refused write each round).
 */
public class ClusterLeases {

    static final String COLLECTION = "cluster_leases";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> leases;
    private final Clock clock;
    /** This process: its host and pid (as Axon names a node in its token claims) and a random part. */
    private final String node;

    public ClusterLeases(MongoDatabase database, Clock clock) {
        this.leases = database.getCollection(COLLECTION);
        this.clock = clock;
        this.node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Takes or renews the job's lease for {@code length}; false while another node holds it. */
    public boolean take(String job, Duration length) {
        Instant now = clock.instant();
        Document lease = leases.findOneAndUpdate(
                Filters.and(Filters.eq("_id", job),
                            Filters.or(Filters.eq("owner", node), Filters.lt("until", Date.from(now)))),
                Updates.combine(Updates.set("owner", node), Updates.set("until", Date.from(now.plus(length)))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (lease != null) {
            return true; // ours, renewed, or lapsed and taken over
        }
        if (leases.find(Filters.eq("_id", job)).first() != null) {
            return false; // held by another node
        }
        try { // the job's first run anywhere
            leases.insertOne(new Document("_id", job).append("owner", node)
                                                     .append("until", Date.from(now.plus(length))));
            return true;
        } catch (MongoException e) {
            if (e.getCode() == DUPLICATE_KEY) {
                return false; // another node took it first, at the same moment
            }
            throw e;
        }
    }

    /** Of these jobs, those whose lease another node holds now (a lapsed lease is held by no one). */
    public java.util.Set<String> heldByOthers(java.util.Collection<String> jobs) {
        java.util.Set<String> held = new java.util.TreeSet<>();
        Date now = Date.from(clock.instant());
        for (Document lease : leases.find(Filters.in("_id", jobs))) {
            if (!node.equals(lease.getString("owner")) && lease.getDate("until").after(now)) {
                held.add(lease.getString("_id"));
            }
        }
        return held;
    }

    /** Lets one job go, if this node holds it. */
    public void release(String job) {
        leases.deleteOne(Filters.and(Filters.eq("_id", job), Filters.eq("owner", node)));
    }

    public String node() {
        return node;
    }

    /** On a clean shutdown, lets the jobs go at once, so another node (or this one restarted) need not wait. */
    public void close() {
        try {
            leases.deleteMany(Filters.eq("owner", node));
        } catch (MongoException e) {
            // the store is already gone: the leases lapse on their own
        }
    }
}
