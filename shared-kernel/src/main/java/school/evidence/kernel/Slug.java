package school.evidence.kernel;

import java.util.Locale;

/** A readable id from a name, as addresses show it: "Design & Technology" → {@code design-and-technology}. */
public final class Slug {
    private Slug() {
    }

    /** Lower case, "&" as "and", every run of other characters a dash; empty when the name has no letter or digit. */
    public static String of(String name) {
        return name.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^a-z0-9]+", "-")
                   .replaceAll("^-|-$", "");
    }
}
