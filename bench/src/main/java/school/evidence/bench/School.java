package school.evidence.bench;

import java.util.List;

/** One school with a 2026-27 plan of 20 actions: what a client writes against. */
record School(String urn, String planId, List<String> actionIds) {
    String actionId(int i) {
        return actionIds.get(Math.floorMod(i, actionIds.size()));
    }

    String actionId() {
        return actionIds.get(0);
    }
}
