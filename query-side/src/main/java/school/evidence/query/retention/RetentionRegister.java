package school.evidence.query.retention;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.stereotype.Component;
import school.evidence.kernel.retention.RetentionSchedule;
import school.evidence.query.retention.RetentionView.Retained;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static school.evidence.query.ReadModels.SCHOOL_URN;

/** Reads a school's retention register and applies the schedule in force to it. */
@Component
class RetentionRegister {

    private static final int RECENT = 200;
    private final MongoCollection<Document> records;
    private final RetentionSchedule schedule;

    RetentionRegister(MongoDatabase database, RetentionSchedule schedule) {
        this.records = database.getCollection(RetentionRegisterProjection.COLLECTION);
        this.schedule = schedule;
    }

    RetentionView of(String urn, LocalDate today) {
        List<Retained> held = new ArrayList<>();
        List<Retained> due = new ArrayList<>();
        List<Retained> shredded = new ArrayList<>();
        for (Document record : records.find(eq(SCHOOL_URN, urn)).sort(Sorts.ascending("madeOn"))) {
            String type = record.getString("recordType");
            LocalDate madeOn = LocalDate.parse(record.getString("madeOn"));
            LocalDate until = schedule.retainedUntil(type, madeOn).orElse(null);
            boolean isHeld = Boolean.TRUE.equals(record.getBoolean("held"));
            if (Boolean.TRUE.equals(record.getBoolean("shredded"))) {
                shredded.add(new Retained(record.getString("recordId"), record.getString("kind"), type, madeOn,
                                          record.getString("retainedUntil"), record.getString("shreddedAt"),
                                          null, null, null));
                continue;
            }
            boolean isDue = until != null && until.isBefore(today.plusYears(1));
            Retained row = new Retained(record.getString("recordId"), record.getString("kind"), type, madeOn,
                                        until == null ? null : until.toString(), null,
                                        isHeld ? record.getString("holdReason") : null,
                                        isHeld ? record.getString("heldAt") : null, isDue ? isHeld : null);
            if (isHeld) {
                held.add(row);
            }
            if (isDue) {
                due.add(row);
            }
        }
        shredded.sort(Comparator.comparing((Retained r) -> String.valueOf(r.shreddedAt())).reversed());
        return new RetentionView(urn, today, schedule.years(), held, due, shredded.size(),
                                 shredded.subList(0, Math.min(RECENT, shredded.size())));
    }
}
