package school.evidence.kernel.school;

import java.util.regex.Pattern;

/** A school's Unique Reference Number: exactly six digits, as on Get Information About Schools. */
public final class Urn {
    public static final String PATTERN = "\\d{6}";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private Urn() {
    }

    public static boolean isValid(String urn) {
        return urn != null && VALID.matcher(urn).matches();
    }
}
