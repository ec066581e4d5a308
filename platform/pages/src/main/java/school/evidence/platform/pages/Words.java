package school.evidence.platform.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The school's words for what the system stores as codes: {@code AUTUMN_1} is "Autumn 1", {@code BOOK_SCRUTINY} is
 * "Book scrutiny", a date is "12 October 2023". Pages call it as {@code @words}; a code it does not know is written in
 * sentence case rather than shown raw.
 */
public class Words {

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK);

    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("SEND", "SEND"),
            Map.entry("EAL", "EAL"),
            Map.entry("DISADVANTAGED", "Disadvantaged (pupil premium)"),
            Map.entry("NOT_JUDGED", "Not judged"),
            Map.entry("EIF_2019", "Education inspection framework (2019)"),
            Map.entry("RENEWED_2025", "Renewed framework (2025 report cards)"),
            Map.entry("LA_ADVISER", "Local authority adviser"),
            Map.entry("DROP_IN", "Drop-in"),
            Map.entry("PUPIL_PROGRESS_MEETING", "Pupil progress meeting"));

    private final Function<String, Optional<String>> names;

    public Words() {
        this(id -> Optional.empty());
    }

    /** @param names the name a sign-in id is shown by, where the service knows it (demo users) */
    public Words(Function<String, Optional<String>> names) {
        this.names = names;
    }

    /**
     * Who did something, as the page can name them: the person's name where the service knows it, else their sign-in
     * id (events keep the id, not the name, so that a name is never stored in the clear).
     */
    public String person(Object userId) {
        if (userId == null || userId.toString().isBlank()) {
            return "";
        }
        return names.apply(userId.toString()).orElse(userId.toString());
    }

    /** Any code of ours in the school's words: {@code AUTUMN_1} → "Autumn 1", {@code LESSON_VISIT} → "Lesson visit". */
    public String of(Object code) {
        if (code == null) {
            return "";
        }
        String name = code instanceof Enum<?> e ? e.name() : code.toString();
        String known = KNOWN.get(name);
        if (known != null) {
            return known;
        }
        String words = name.toLowerCase(Locale.UK).replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A day as a school writes it: "12 October 2023". Takes a date or its ISO text; blank for none. */
    public String day(Object date) {
        if (date == null || date.toString().isBlank()) {
            return "";
        }
        LocalDate day = date instanceof LocalDate d ? d : LocalDate.parse(date.toString().substring(0, 10));
        return DAY.format(day);
    }

    /** A moment in school time: "12 October 2023 at 3:05pm". Takes an instant or its ISO text. */
    public String moment(Object instant) {
        if (instant == null || instant.toString().isBlank()) {
            return "";
        }
        Instant at = instant instanceof Instant i ? i : Instant.parse(instant.toString());
        return MOMENT.format(at.atZone(SCHOOL_ZONE)).replace("AM", "am").replace("PM", "pm");
    }

    /** An amount in pounds and pence: "£1,200.00". Takes a number or its text; blank for none. */
    public String pounds(Object amount) {
        if (amount == null || amount.toString().isBlank()) {
            return "";
        }
        return java.text.NumberFormat.getCurrencyInstance(Locale.UK).format(new java.math.BigDecimal(amount.toString()));
    }

    /** The GOV.UK tag colour for a RAG status; the tag also says the word, never colour alone. */
    public String ragTag(Object rag) {
        String name = rag == null ? "NOT_JUDGED" : rag.toString();
        return switch (name) {
            case "GREEN" -> "govuk-tag--green";
            case "AMBER" -> "govuk-tag--yellow";
            case "RED" -> "govuk-tag--red";
            default -> "govuk-tag--grey";
        };
    }

    /** "Not judged" for no RAG, else the colour's word. */
    public String rag(Object rag) {
        return rag == null ? "Not judged" : of(rag);
    }
}
