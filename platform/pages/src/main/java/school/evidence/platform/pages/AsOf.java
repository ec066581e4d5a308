package school.evidence.platform.pages;

import org.springframework.ui.Model;
import school.evidence.kernel.Rejection;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * "Show as it stood on…": the moment a page was asked for, typed in school time ({@code 2023-10-20T16:00}), put on
 * the model for the banner and the control (fragments/as-of). A mistyped one is said on the page, not ignored.
 */
public final class AsOf {

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");

    private AsOf() {
    }

    public static Optional<Instant> moment(String asOf, Model model) {
        if (asOf == null || asOf.isBlank()) {
            return Optional.empty();
        }
        try {
            Instant at = LocalDateTime.parse(asOf).atZone(SCHOOL_ZONE).toInstant();
            model.addAttribute("asOf", at);
            model.addAttribute("asOfTyped", asOf);
            return Optional.of(at);
        } catch (DateTimeParseException e) {
            throw Rejection.invalid("asOf", "Enter the date and time as a date and a time, for example 20 October "
                    + "2023 at 4pm");
        }
    }
}
