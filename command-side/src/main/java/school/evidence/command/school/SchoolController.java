package school.evidence.command.school;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import school.evidence.command.CommandSender;
import school.evidence.kernel.school.RegisterSchool;
import school.evidence.kernel.school.Urn;

import java.net.URI;
import java.util.Map;

@RestController
@Tag(name = "Schools")
class SchoolController {

    record RegisterSchoolRequest(
            @NotBlank @Pattern(regexp = Urn.PATTERN, message = "must be exactly six digits") String urn,
            @NotBlank @Size(max = 200) String name) {
    }

    private final CommandSender commands;

    SchoolController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping("/api/schools")
    @PreAuthorize("hasRole('SENIOR_LEADER')")
    ResponseEntity<Map<String, String>> register(@Valid @RequestBody RegisterSchoolRequest request) {
        commands.send(new RegisterSchool(request.urn(), request.name()));
        return ResponseEntity.created(URI.create("/api/schools/" + request.urn()))
                             .body(Map.of("urn", request.urn()));
    }
}
