package school.evidence.command.school;

import school.evidence.platform.access.Allowed;
import school.evidence.platform.access.AccessRules.ScopeKind;
import school.evidence.platform.access.Who;
import org.springframework.security.access.AccessDeniedException;
import school.evidence.platform.access.Caller;
import school.evidence.platform.access.Role;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.command.CommandSender;
import school.evidence.kernel.plan.AcademicYear;
import school.evidence.kernel.plan.HalfTerm;
import school.evidence.kernel.plan.SchoolCalendar;
import school.evidence.kernel.school.RegisterSchool;
import school.evidence.kernel.school.SchoolCommands.SetSchoolCalendar;
import school.evidence.kernel.school.Urn;

import java.net.URI;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

@RestController
@Tag(name = "Schools")
class SchoolController {

    /** Replies: what each write names (the ledger's receipts are added to them). */
    record SchoolRegistered(String urn) {
    }

    record CalendarSet(String urn, String academicYear) {
    }

    record RegisterSchoolRequest(
            @NotBlank @Pattern(regexp = Urn.PATTERN, message = "must be exactly six digits") String urn,
            @NotBlank @Size(max = 200) String name) {
    }

    record TermDates(@NotNull LocalDate start, @NotNull LocalDate end) {
    }

    record CalendarRequest(@NotBlank @Pattern(regexp = AcademicYear.PATTERN, message = "must look like 2023-24")
                           String academicYear,
                           @NotEmpty Map<HalfTerm, @Valid @NotNull TermDates> halfTerms) {
    }

    private final CommandSender commands;

    SchoolController(CommandSender commands) {
        this.commands = commands;
    }

    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.BODY_SCHOOL)
    @PostMapping("/api/schools")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<SchoolRegistered> register(@Valid @RequestBody RegisterSchoolRequest request) {
        // the route is not about one school yet: a senior leader may register only a school they belong to
        if (!Caller.current().holds(Role.SENIOR_LEADER, request.urn())) {
            throw new AccessDeniedException("Not a member of school " + request.urn());
        }
        commands.send(new RegisterSchool(request.urn(), request.name()));
        return ResponseEntity.created(URI.create("/api/schools/" + request.urn()))
                             .body(new SchoolRegistered(request.urn()));
    }

    /** The school's half-term dates for a year; sending it again corrects them (the ledger keeps both). */
    @Allowed(value = Who.SENIOR_LEADERS, scope = ScopeKind.SCHOOL)
    @PostMapping("/api/schools/{urn}/calendars")
    @ResponseStatus(HttpStatus.CREATED) // for the API document; the reply sets it too
    ResponseEntity<CalendarSet> setCalendar(@PathVariable String urn,
                                                    @Valid @RequestBody CalendarRequest request) {
        Map<HalfTerm, SchoolCalendar.Term> terms = new EnumMap<>(HalfTerm.class);
        request.halfTerms().forEach((h, t) -> terms.put(h, new SchoolCalendar.Term(t.start(), t.end())));
        commands.send(new SetSchoolCalendar(urn, new SchoolCalendar(request.academicYear(), terms)));
        return ResponseEntity.status(HttpStatus.CREATED)
                             .body(new CalendarSet(urn, request.academicYear()));
    }
}
