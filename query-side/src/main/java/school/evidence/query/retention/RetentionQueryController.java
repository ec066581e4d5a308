package school.evidence.query.retention;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.kernel.retention.RetentionSchedule;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;

/**
 * A school's retention at a glance, for senior leaders: the periods in force, the records on legal hold, the records
 * whose period ends within the next year (so a hold can be placed in time), and what the retention job has shredded.
 */
@RestController
@Tag(name = "Personal data")
class RetentionQueryController {

    record RetentionView(String schoolUrn, LocalDate today, Map<String, Integer> yearsByRecordType,
                         List<Map<String, Object>> onHold, List<Map<String, Object>> dueWithinAYear,
                         long shreddedCount, List<Map<String, Object>> recentlyShredded) {
    }

    private static final int RECENT = 200;
    private final MongoCollection<Document> records;
    private final RetentionSchedule schedule;

    RetentionQueryController(MongoDatabase database, RetentionSchedule schedule) {
        this.records = database.getCollection(RetentionRegisterProjection.COLLECTION);
        this.schedule = schedule;
    }

    @GetMapping("/api/schools/{urn}/retention")
    RetentionView retention(@PathVariable String urn) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        List<Map<String, Object>> held = new ArrayList<>();
        List<Map<String, Object>> due = new ArrayList<>();
        List<Map<String, Object>> shredded = new ArrayList<>();
        long shreddedCount = 0;
        for (Document record : records.find(eq("schoolUrn", urn)).sort(Sorts.ascending("madeOn"))) {
            String type = record.getString("recordType");
            LocalDate madeOn = LocalDate.parse(record.getString("madeOn"));
            LocalDate until = schedule.retainedUntil(type, madeOn).orElse(null);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("recordId", record.getString("recordId"));
            row.put("kind", record.getString("kind"));
            row.put("recordType", type);
            row.put("madeOn", madeOn);
            row.put("retainedUntil", Boolean.TRUE.equals(record.getBoolean("shredded"))
                    ? record.getString("retainedUntil") : until);
            if (Boolean.TRUE.equals(record.getBoolean("shredded"))) {
                shreddedCount++;
                row.put("shreddedAt", record.getString("shreddedAt"));
                shredded.add(0, row);
                continue;
            }
            if (Boolean.TRUE.equals(record.getBoolean("held"))) {
                row.put("holdReason", record.getString("holdReason"));
                row.put("heldAt", record.getString("heldAt"));
                held.add(row);
            }
            if (until != null && until.isBefore(today.plusYears(1))) {
                row.put("held", Boolean.TRUE.equals(record.getBoolean("held")));
                due.add(row);
            }
        }
        shredded.sort((a, b) -> String.valueOf(b.get("shreddedAt")).compareTo(String.valueOf(a.get("shreddedAt"))));
        return new RetentionView(urn, today, schedule.years(), held, due, shreddedCount,
                                 shredded.subList(0, Math.min(RECENT, shredded.size())));
    }
}
