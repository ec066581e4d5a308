package school.evidence.kernel.privacy;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a person's name from a role, for the fields that say who (a lead, an owner, a teacher, the people an action is
 * monitored by): a role stays readable for everyone for ever, a name is personal data and can be erased.
 *
 * <p>A value is a role when every word of it is a word schools use for roles, teams, bodies, subjects and phases
 * ("English lead", "Head of Year 6", "SLT", "Governing board", "KS2 team"), an abbreviation in capitals of two to six
 * letters ("HT", "DHT", "SLT"; initials such as "JC" too, up to three letters: initials are not a name), or a year group or class
 * code ("Y4", "4B"). Anything else is taken to be, or to contain, a person's name ("Mrs Hart", "Rosa Hart (English
 * lead)"), so that when in doubt the value can be erased.
 */
public final class PeopleAndRoles {

    private static final Set<String> ROLE_WORDS = Set.copyOf(java.util.List.of(
            // who
            "head", "headteacher", "headteachers", "deputy", "assistant", "assistants", "executive", "principal",
            "vice", "acting", "interim", "teacher", "teachers", "teaching", "class", "lead", "leads", "leader",
            "leaders", "leadership", "team", "teams", "senior", "middle", "subject", "subjects", "phase", "coordinator",
            "coordinators", "co-ordinator", "manager", "business", "office", "officer", "officers", "governor",
            "governors", "governing", "board", "body", "chair", "committee", "clerk", "trust", "trustee", "trustees",
            "ceo", "director", "directors", "local", "authority", "adviser", "advisers", "advisor", "consultant",
            "external", "peer", "reviewer", "reviewers", "partner", "partners", "school", "schools", "staff", "all",
            "whole", "every", "support", "mentor", "mentors", "ect", "ects", "nqt", "trainee", "trainees", "send",
            "senco", "sendco", "inclusion", "pastoral", "safeguarding", "designated", "safeguarding", "attendance",
            "link", "parent", "parents", "pupil", "pupils", "council", "student", "students", "learning", "hub",
            "specialist", "specialists", "practitioner", "practitioners", "sbm", "hlta", "ta", "tas", "lsa", "dsl",
            "slt", "smt", "ht", "dht", "aht", "hod", "hoy", "ceo",
            // what about
            "curriculum", "assessment", "data", "english", "maths", "mathematics", "science", "reading", "writing",
            "phonics", "spelling", "grammar", "history", "geography", "art", "music", "pe", "sport", "sports",
            "computing", "re", "pshe", "rshe", "rse", "mfl", "french", "spanish", "german", "dt", "design",
            "technology", "languages", "early", "years", "eyfs", "nursery", "reception", "ks1", "ks2", "ks3", "ks4",
            "ks5", "lks2", "uks2", "sixth", "form", "upper", "lower", "foundation", "stage", "key", "year", "literacy",
            "numeracy", "oracy", "behaviour", "wellbeing", "welfare", "premium", "pp", "disadvantaged", "finance",
            "site", "it", "ict", "quality", "education", "personal", "development", "improvement", "standards",
            "teaching", "outdoor", "forest", "nurture", "provision",
            // joining words
            "and", "of", "the", "for", "with", "in", "to", "on", "at", "&", "+", "/", "-"));
    /** Capitals of two or three letters: a role's abbreviation or initials. "ROSA" is a name in capitals. */
    private static final Pattern ABBREVIATION = Pattern.compile("\\p{Lu}[\\p{Lu}\\d]{1,2}");
    private static final Pattern YEAR_OR_CLASS = Pattern.compile("(?i)(y|yr|year)?\\d{1,2}[a-z]?|r|n|[a-z]\\d{1,2}");
    private static final Pattern WORDS = Pattern.compile("[\\s,;()]+");

    private PeopleAndRoles() {
    }

    /** Whether the value names a role (readable by all, kept), not a person (personal data, erasable). */
    public static boolean isRole(String value) {
        if (value == null || value.isBlank()) {
            return true; // nothing to protect
        }
        for (String word : WORDS.split(value.strip())) {
            if (word.isEmpty()) {
                continue;
            }
            String plain = word.replaceAll("^[.'\"]+|[.'\":]+$", "");
            if (plain.isEmpty() || ROLE_WORDS.contains(plain.toLowerCase(Locale.ROOT)) || ABBREVIATION.matcher(plain).matches()
                    || YEAR_OR_CLASS.matcher(plain).matches() || ROLE_WORDS.contains(plain.toLowerCase(Locale.ROOT)
                                                                                       .replaceAll("s$", ""))) {
                continue;
            }
            return false;
        }
        return true;
    }
}
