package school.evidence.kernel.monitoring;

/** Groups of pupils monitoring focuses on. Counts only; pupils are never named. */
public enum PupilGroup {
    /** pupil premium / disadvantaged */
    DISADVANTAGED, SEND, HIGHER_ATTAINING, BOYS, GIRLS, EAL
}
