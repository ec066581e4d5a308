package school.evidence.kernel.plan;

/** The six half-terms of an English academic year, in order. Dates differ per school (its calendar). */
public enum HalfTerm {
    AUTUMN_1, AUTUMN_2, SPRING_1, SPRING_2, SUMMER_1, SUMMER_2
}
