package school.evidence.command.monitoring;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;
import school.evidence.command.plan.PlanLookup;
import school.evidence.command.retention.RecordRetention;
import school.evidence.command.retention.RetainedRecord;
import school.evidence.command.school.SchoolDirectory;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.monitoring.MonitoringCommands.AmendMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringCommands.RecordMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringCommands.RetractMonitoringActivity;
import school.evidence.kernel.monitoring.MonitoringDetails;
import school.evidence.kernel.monitoring.MonitoringDetails.NextStep;
import school.evidence.kernel.monitoring.MonitoringDetails.NextStepCheck;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityAmended;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRecorded;
import school.evidence.kernel.monitoring.MonitoringEvents.MonitoringActivityRetracted;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.plan.AcademicYear;
import school.evidence.kernel.plan.PlanId;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static school.evidence.command.Checks.notBlank;
import static school.evidence.command.Checks.notNull;

/**
 * One monitoring activity (a lesson visit, a book scrutiny...). Never overwritten: an amendment is a new version
 * with a reason, a retraction withdraws it from evidence, and every version stays in the ledger.
 */
@Aggregate
public class MonitoringActivity implements RetainedRecord {

    /** Schools record dates in their own (English) calendar. */
    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");

    @AggregateIdentifier
    private String activityId;
    private String schoolUrn;
    private MonitoringType type;
    private int version;
    private boolean retracted;
    private int nextStepsIssued;
    private final Set<String> stepIds = new HashSet<>();
    @AggregateMember
    private final RecordRetention retention = new RecordRetention();

    protected MonitoringActivity() {
    }

    @CommandHandler
    public MonitoringActivity(RecordMonitoringActivity command, SchoolDirectory schools, PlanLookup plans,
                              MonitoringRecords records) {
        notNull(command.type(), "type");
        if (!schools.isRegistered(command.schoolUrn())) {
            throw Rejection.notFound("urn", "No school is registered with URN " + command.schoolUrn());
        }
        MonitoringDetails details = new MonitoringRules(command.activityId(), command.schoolUrn(), command.type(),
                                                        plans, records).check(command.details());
        List<NextStep> steps = new ArrayList<>();
        int issued = 0;
        for (NextStep step : details.nextSteps()) {
            steps.add(new NextStep(command.activityId() + "-ns" + (++issued), step.text(), step.owner(), step.dueOn()));
        }
        if (command.fulfils() != null) {
            String planId = PlanId.of(command.schoolUrn(), AcademicYear.containing(details.occurredOn()));
            PlanLookup.PlannedFacts planned = plans.find(planId).map(p -> p.planned().get(command.fulfils()))
                                                   .orElse(null);
            if (planned == null || planned.cancelled()) {
                throw Rejection.invalid("fulfils", "The " + planId + " schedule has no planned monitoring "
                        + command.fulfils());
            }
            if (planned.type() != command.type()) {
                throw Rejection.invalid("fulfils", "That planned monitoring is a " + planned.type() + ", not a "
                        + command.type());
            }
        }
        apply(new MonitoringActivityRecorded(command.activityId(), command.schoolUrn(), planOf(command.schoolUrn(),
                                                                                                details),
                                             command.type(), details.withNextSteps(steps), command.fulfils()));
    }

    /** @return the new version number (the first record is version 1) */
    @CommandHandler
    public int handle(AmendMonitoringActivity command, PlanLookup plans, MonitoringRecords records) {
        refuseIfRetracted();
        notBlank(command.reason(), "reason");
        MonitoringDetails details = new MonitoringRules(activityId, schoolUrn, type, plans, records)
                .check(command.details());
        List<NextStep> steps = new ArrayList<>();
        int issued = nextStepsIssued;
        for (NextStep step : details.nextSteps()) {
            if (step.stepId() == null) {
                steps.add(new NextStep(activityId + "-ns" + (++issued), step.text(), step.owner(), step.dueOn()));
            } else if (stepIds.contains(step.stepId())) {
                steps.add(step);
            } else {
                throw Rejection.invalid("nextSteps", "This activity has no next step " + step.stepId());
            }
        }
        apply(new MonitoringActivityAmended(activityId, schoolUrn, planOf(schoolUrn, details), type,
                                            details.withNextSteps(steps), version + 1, command.reason().strip()));
        return version;
    }

    @CommandHandler
    public void handle(RetractMonitoringActivity command) {
        refuseIfRetracted();
        notBlank(command.reason(), "reason");
        apply(new MonitoringActivityRetracted(activityId, schoolUrn, command.reason().strip()));
    }

    private void refuseIfRetracted() {
        retention.refuseIfShredded();
        if (retracted) {
            throw Rejection.conflict("activityId", "This monitoring record was retracted; it can no longer change");
        }
    }

    @Override
    public String recordId() {
        return activityId;
    }

    @Override
    public String schoolUrn() {
        return schoolUrn;
    }

    @Override
    public RecordRetention retention() {
        return retention;
    }

    /** The plan the cited actions belong to: the school's plan for the year the activity happened in. */
    private static String planOf(String schoolUrn, MonitoringDetails details) {
        return details.actionIds().isEmpty() ? null
                : PlanId.of(schoolUrn, AcademicYear.containing(details.occurredOn()));
    }

    @EventSourcingHandler
    void on(MonitoringActivityRecorded event) {
        activityId = event.activityId();
        schoolUrn = event.schoolUrn();
        type = event.type();
        version = 1;
        remember(event.details());
    }

    @EventSourcingHandler
    void on(MonitoringActivityAmended event) {
        version = event.version();
        remember(event.details());
    }

    @EventSourcingHandler
    void on(MonitoringActivityRetracted event) {
        retracted = true;
    }

    private void remember(MonitoringDetails details) {
        stepIds.clear();
        for (NextStep step : details.nextSteps()) {
            stepIds.add(step.stepId());
            int n = Integer.parseInt(step.stepId().substring(step.stepId().lastIndexOf("-ns") + 3));
            nextStepsIssued = Math.max(nextStepsIssued, n);
        }
    }

    /** The checks every version of a record must pass, whatever its type. */
    private record MonitoringRules(String activityId, String schoolUrn, MonitoringType type, PlanLookup plans,
                                   MonitoringRecords records) {

        MonitoringDetails check(MonitoringDetails details) {
            notNull(details, "details");
            notNull(details.occurredOn(), "occurredOn");
            if (details.occurredOn().isAfter(LocalDate.now(SCHOOL_ZONE))) {
                throw Rejection.invalid("occurredOn", "occurredOn cannot be in the future");
            }
            notBlank(details.lead(), "lead");
            String year = AcademicYear.containing(details.occurredOn());
            Optional<PlanLookup.PlanFacts> plan = plans.find(PlanId.of(schoolUrn, year));
            if (!details.actionIds().isEmpty()) {
                Set<String> known = plan.map(PlanLookup.PlanFacts::liveActionIds).orElseThrow(
                        () -> Rejection.invalid("actionIds", "The school has no improvement plan for " + year
                                + ", when this happened"));
                List<String> unknown = details.actionIds().stream().filter(id -> !known.contains(id)).toList();
                if (!unknown.isEmpty()) {
                    throw Rejection.invalid("actionIds", "The " + year + " plan has no action "
                            + String.join(", ", unknown));
                }
            }
            for (NextStep step : details.nextSteps()) {
                notBlank(step.text(), "nextSteps.text");
                notBlank(step.owner(), "nextSteps.owner");
                notNull(step.dueOn(), "nextSteps.dueOn");
                if (step.dueOn().isBefore(details.occurredOn())) {
                    throw Rejection.invalid("nextSteps.dueOn", "A next step cannot be due before the activity");
                }
            }
            for (NextStepCheck check : details.nextStepChecks()) {
                notNull(check.outcome(), "nextStepChecks.outcome");
                String source = MonitoringRecords.activityOf(check.nextStepId());
                boolean known = source != null && !source.equals(activityId) && records.find(source)
                        .filter(f -> f.schoolUrn().equals(schoolUrn) && f.nextStepIds().contains(check.nextStepId()))
                        .isPresent();
                if (!known) {
                    throw Rejection.invalid("nextStepChecks.nextStepId", "No next step " + check.nextStepId()
                            + " was agreed in earlier monitoring of this school");
                }
            }
            checkSpecifics(details, plan);
            return details;
        }

        private void checkSpecifics(MonitoringDetails details, Optional<PlanLookup.PlanFacts> plan) {
            var s = details.specifics();
            Object[] parts = {s.lessonVisit(), s.learningWalk(), s.workScrutiny(), s.pupilVoice(),
                    s.progressMeeting(), s.deepDive(), s.governorVisit(), s.externalReview(), s.dataAnalysis(),
                    s.moderation()};
            String[] names = {"lessonVisit", "learningWalk", "workScrutiny", "pupilVoice", "progressMeeting",
                    "deepDive", "governorVisit", "externalReview", "dataAnalysis", "moderation"};
            String own = switch (type) {
                case LESSON_VISIT -> "lessonVisit";
                case LEARNING_WALK -> "learningWalk";
                case BOOK_SCRUTINY, PLANNING_SCRUTINY -> "workScrutiny";
                case PUPIL_VOICE -> "pupilVoice";
                case PUPIL_PROGRESS_MEETING -> "progressMeeting";
                case DEEP_DIVE -> "deepDive";
                case GOVERNOR_VISIT -> "governorVisit";
                case EXTERNAL_REVIEW -> "externalReview";
                case DATA_ANALYSIS -> "dataAnalysis";
                case MODERATION -> "moderation";
            };
            for (int i = 0; i < parts.length; i++) {
                if (parts[i] != null && !names[i].equals(own)) {
                    throw Rejection.invalid(names[i], names[i] + " does not belong on a " + type);
                }
            }
            switch (type) {
                case PUPIL_VOICE -> {
                    notNull(s.pupilVoice(), "pupilVoice");
                    positive(s.pupilVoice().numberOfPupils(), "pupilVoice.numberOfPupils");
                }
                case BOOK_SCRUTINY, PLANNING_SCRUTINY -> {
                    notNull(s.workScrutiny(), "workScrutiny");
                    positive(s.workScrutiny().sampleSize(), "workScrutiny.sampleSize");
                    if (s.workScrutiny().sampleByGroup() != null
                            && s.workScrutiny().sampleByGroup().values().stream().anyMatch(n -> n == null || n < 0)) {
                        throw Rejection.invalid("workScrutiny.sampleByGroup", "Counts cannot be negative");
                    }
                }
                case PUPIL_PROGRESS_MEETING -> {
                    notNull(s.progressMeeting(), "progressMeeting");
                    notBlank(s.progressMeeting().className(), "progressMeeting.className");
                }
                case DEEP_DIVE -> {
                    notNull(s.deepDive(), "deepDive");
                    if (details.focus() == null || details.focus().subject() == null
                            || details.focus().subject().isBlank()) {
                        throw Rejection.invalid("focus.subject", "A deep dive is into one subject");
                    }
                    for (String bundled : orEmpty(s.deepDive().bundledActivityIds())) {
                        boolean ok = records.find(bundled)
                                .filter(f -> f.schoolUrn().equals(schoolUrn) && !f.retracted()).isPresent();
                        if (!ok) {
                            throw Rejection.invalid("deepDive.bundledActivityIds", "No monitoring activity "
                                    + bundled + " of this school to bundle");
                        }
                    }
                }
                case GOVERNOR_VISIT -> {
                    notNull(s.governorVisit(), "governorVisit");
                    notBlank(s.governorVisit().governor(), "governorVisit.governor");
                    notBlank(s.governorVisit().purpose(), "governorVisit.purpose");
                    String code = s.governorVisit().priorityCode();
                    if (code != null && plan.map(p -> !p.priorities().contains(code)).orElse(true)) {
                        throw Rejection.invalid("governorVisit.priorityCode", "The plan for that year has no priority "
                                + code);
                    }
                }
                case EXTERNAL_REVIEW -> {
                    notNull(s.externalReview(), "externalReview");
                    notNull(s.externalReview().reviewerKind(), "externalReview.reviewerKind");
                }
                default -> {
                }
            }
        }

        private static void positive(Integer n, String field) {
            if (n == null || n < 1) {
                throw Rejection.invalid(field, field + " must be at least 1");
            }
        }

        private static <T> List<T> orEmpty(List<T> list) {
            return list == null ? List.of() : list;
        }
    }
}
