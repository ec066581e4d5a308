package school.evidence.standalone;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import school.evidence.platform.axon.LedgerAutoConfiguration;
import school.evidence.query.replay.ProjectionRebuild;
import school.evidence.store.DerivedCollections;

/**
 * Tells the embedded store which collections can be made again from the ledger (every rebuildable read model and the
 * processors' positions), so it need not commit each of their writes. Only the launcher knows both the read side and
 * the store; with a MongoDB URI there is no embedded store and nothing to tell. Runs before the processors start.
 */
@Component
class RebuildableCollections implements SmartInitializingSingleton {

    private final ObjectProvider<DerivedCollections> store;
    private final ProjectionRebuild projections;

    RebuildableCollections(ObjectProvider<DerivedCollections> store, ProjectionRebuild projections) {
        this.store = store;
        this.projections = projections;
    }

    @Override
    public void afterSingletonsInstantiated() {
        store.ifAvailable(derived -> {
            derived.add(LedgerAutoConfiguration.TRACKING_TOKENS);
            projections.rebuildableCollections().forEach(derived::add);
        });
    }
}
