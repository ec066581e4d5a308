package school.evidence.bench;

/**
 * The fixed sizes of a run. {@code full} is what docs/measured.md's table reports; {@code quick} is a smoke run of the same
 * code at a fraction of the sizes (a minute or two), for checking the bench itself.
 */
record Sizes(String name, int repetitions, int records, int engineOps, int slowEngineOps, int replayLimit,
             int slowReplayLimit, int maxSecondsPerMeasurement, int merkleLeaves, int httpSeconds,
             int freshnessSeconds, int footprintEvents, int storeEvents, int storeSchools, int oneSchoolsEvents, int clusterEvents) {

    static Sizes full() {
        return new Sizes("full", 3, 5_000, 5_000, 500, 1_000_000, 20_000, 30, 1_000_000, 20, 20, 100_000, 1_000_000, 100, 10_000, 100_000);
    }

    static Sizes quick() {
        return new Sizes("quick", 3, 500, 500, 100, 100_000, 2_000, 10, 100_000, 4, 4, 10_000, 20_000, 10, 1_000, 5_000);
    }

    /** The same sizes with another size of the school with a year of evidence ({@code --school-events=}). */
    Sizes withOneSchoolsEvents(int events) {
        return new Sizes(name, repetitions, records, engineOps, slowEngineOps, replayLimit, slowReplayLimit,
                         maxSecondsPerMeasurement, merkleLeaves, httpSeconds, freshnessSeconds, footprintEvents,
                         storeEvents, storeSchools, events, clusterEvents);
    }

    /** The same sizes with another store size for sections 4 and 5 ({@code --store-events=}, e.g. for a smaller disk). */
    Sizes withStoreEvents(int events) {
        return new Sizes(name, repetitions, records, engineOps, slowEngineOps, replayLimit, slowReplayLimit,
                         maxSecondsPerMeasurement, merkleLeaves, httpSeconds, freshnessSeconds, footprintEvents, events,
                         storeSchools, oneSchoolsEvents, clusterEvents);
    }
}
