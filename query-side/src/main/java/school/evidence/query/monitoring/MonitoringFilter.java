package school.evidence.query.monitoring;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;
import school.evidence.kernel.Rejection;
import school.evidence.kernel.monitoring.MonitoringType;
import school.evidence.kernel.monitoring.PupilGroup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static school.evidence.query.ReadModels.SCHOOL_URN;

/**
 * What a reader asked of a school's monitoring list (any part may be absent): the type, the dates it happened
 * ({@code from}/{@code to} inclusive), a cited action, a pupil group in its focus, and whether retracted records are
 * listed. A record is judged on its current version (as of the time read, for a past list).
 */
record MonitoringFilter(MonitoringType type, LocalDate from, LocalDate to, String actionId, PupilGroup pupilGroup,
                        boolean includeRetracted) {

    MonitoringFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw Rejection.invalid("from", "from must not be after to");
        }
    }

    /** The live list's query; values are bound as typed values through the driver's builders, never spliced in. */
    Bson query(String urn) {
        List<Bson> filters = conditions(urn, "current");
        if (!includeRetracted) {
            filters.add(eq("retracted", false));
        }
        return Filters.and(filters);
    }

    /**
     * The query of the list as it stood at {@code at} (as stored, see {@code RecordedAt}), on the rows of
     * {@link MonitoringVersions}: the versions recorded by then and not superseded by then, one per record.
     */
    Bson queryAsOf(String urn, String at) {
        List<Bson> filters = conditions(urn, "details");
        filters.add(Filters.lte(MonitoringVersions.RECORDED_AT, at));
        filters.add(Filters.gt(MonitoringVersions.SUPERSEDED_AT, at));
        if (!includeRetracted) {
            filters.add(Filters.gt(MonitoringVersions.RETRACTED_AT, at));
        }
        return Filters.and(filters);
    }

    /** The school and what is asked of a version's details, kept under {@code details}. */
    private List<Bson> conditions(String urn, String details) {
        List<Bson> filters = new ArrayList<>();
        filters.add(eq(SCHOOL_URN, urn));
        if (type != null) {
            filters.add(eq("type", type.name()));
        }
        if (from != null) {
            filters.add(Filters.gte(details + ".occurredOn", from.toString()));
        }
        if (to != null) {
            filters.add(Filters.lte(details + ".occurredOn", to.toString()));
        }
        if (actionId != null) {
            filters.add(eq(details + ".actionIds", actionId));
        }
        if (pupilGroup != null) {
            filters.add(eq(details + ".focus.pupilGroups", pupilGroup.name()));
        }
        return filters;
    }

    /** The same test on a row already in memory (the whole past list is rebuilt row by row, see {@link MonitoringAsOf}). */
    boolean matches(Document row) {
        Document details = row.get("current", Document.class);
        String occurred = details.getString("occurredOn");
        if (type != null && !type.name().equals(row.getString("type"))) {
            return false;
        }
        if ((from != null && occurred.compareTo(from.toString()) < 0)
                || (to != null && occurred.compareTo(to.toString()) > 0)) {
            return false;
        }
        if (actionId != null && !details.getList("actionIds", String.class, List.of()).contains(actionId)) {
            return false;
        }
        if (pupilGroup != null) {
            Document focus = details.get("focus", Document.class);
            if (focus == null || !focus.getList("pupilGroups", String.class, List.of()).contains(pupilGroup.name())) {
                return false;
            }
        }
        return includeRetracted || !row.getBoolean("retracted");
    }
}
