package school.evidence.command.plan;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import school.evidence.kernel.Rejection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * An uploaded plan file, CSV or XLSX, read whole: either the plan, or every problem by row and column (then nothing is
 * written). Shared by a school's import and a trust's or local authority's.
 */
public final class TemplateUpload {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int MAX_BYTES = 5 * 1024 * 1024;

    /** The file's problems; answered as a 400 listing each with its row and column. */
    public static class Rejected extends RuntimeException {
        private final List<PlanTemplate.Problem> problems;

        Rejected(List<PlanTemplate.Problem> problems) {
            super(problems.size() + " problem(s) in the plan file; nothing was imported");
            this.problems = problems;
        }
    }

    private TemplateUpload() {
    }

    public static PlanTemplate.Plan read(byte[] file, String contentType, PlanTemplate.Owner owner) {
        if (file.length > MAX_BYTES) {
            throw Rejection.invalid("file", "A plan file is at most 5 MB");
        }
        boolean xlsx = contentType != null && contentType.startsWith(XLSX);
        PlanTemplate.Result result;
        try {
            result = xlsx ? PlanTemplate.readXlsx(new ByteArrayInputStream(file), owner)
                    : PlanTemplate.readCsv(new ByteArrayInputStream(file), owner);
        } catch (IOException | RuntimeException unreadable) {
            throw new Rejected(List.of(new PlanTemplate.Problem(1, "file", "The file cannot be read as "
                    + (xlsx ? "an XLSX workbook" : "CSV") + ": " + unreadable.getMessage())));
        }
        if (!result.ok()) {
            throw new Rejected(result.problems());
        }
        return result.plan();
    }

    public static ResponseEntity<ProblemDetail> problem(Rejected e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("errors", e.problems.stream().map(p -> Map.of(
                "row", p.row(), "column", p.column(), "field", p.column(), "message", p.message())).toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
