package school.evidence.command.plan;

import school.evidence.kernel.Rejection;

/** An aggregate's version as an HTTP entity tag: {@code "7"}. */
final class Versions {
    private Versions() {
    }

    static Long parse(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw Rejection.invalid("If-Match", "If-Match must be the plan's ETag, e.g. \"7\"");
        }
    }

    static String etag(Long version) {
        return "\"" + version + "\"";
    }
}
