package school.evidence.standalone;

import school.evidence.platform.access.AccessRules.Rule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route of {@code AccessRules} as real requests: its path variables filled in, and for reads every way the same
 * records can be asked for (as of an instant, each export format, the feed, the subject access export), so a test
 * generated from the rule table reaches every format of every route.
 */
final class RouteSamples {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    private RouteSamples() {
    }

    /** The rule's path with each {@code {variable}} taken from {@code values}; a missing value fails the test. */
    static String path(Rule rule, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(rule.path());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            assertThat(value).as("a value for {%s} in %s", m.group(1), rule.path()).isNotNull();
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        return path.toString();
    }

    /**
     * Every variant of a read: the plain read, and where the route offers them, as of an instant, each format, a date
     * to judge by, or the person to export. {@code person} names whom a subject access export is for.
     */
    static List<String> reads(Rule rule, Map<String, String> values, String person) {
        String p = path(rule, values);
        String asOf = "asOf=" + Instant.now().plusSeconds(3600);
        List<String> out = new ArrayList<>();
        switch (rule.path()) {
            case "/api/schools/{urn}/evidence-pack" -> {
                for (String format : List.of("JSON", "HTML", "PDF")) {
                    out.add(p + "?from=2023-09-01&to=2024-08-31&format=" + format);
                }
            }
            case "/api/schools/{urn}/monitoring" -> out.addAll(List.of(p, p + "?" + asOf, p + "?includeRetracted=true",
                                                                       p + "?page=0&size=5"));
            case "/api/plans/{planId}", "/api/schools/{urn}/challenges", "/api/plans/{planId}/actions/{actionId}/timeline" ->
                    out.addAll(List.of(p, p + "?" + asOf));
            case "/api/plans/{planId}/coverage" -> out.addAll(List.of(p + "?term=AUTUMN", p + "?term=AUTUMN&" + asOf));
            case "/api/plans/{planId}/flags" -> out.addAll(List.of(p, p + "?on=2024-01-10"));
            case "/api/plans/{planId}/reviews/{halfTerm}" -> out.addAll(List.of(p, p + "?view=AS_RECORDED"));
            case "/api/plans/{planId}/schedule" -> out.addAll(List.of(p, p + "?on=2024-01-10"));
            case "/api/schools/{urn}/next-steps" -> out.addAll(List.of(p, p + "?status=ALL", p + "?status=OVERDUE&on=2024-01-10"));
            case "/api/schools/{urn}/ledger/feed" -> out.add(p + "?from=0&size=500");
            case "/api/schools/{urn}/subject-access" -> out.add(p + "?person=" + encode(person) + "&userId=slt");
            case "/api/trusts/{trustId}" -> out.addAll(List.of(p, p + "?on=2024-01-10", p + "?on=2024-01-10&" + asOf));
            case "/api/schools/{urn}/audit" -> out.addAll(List.of(p, p + "?page=0&size=500"));
            default -> out.add(p);
        }
        return out;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
