package school.evidence.platform.privacy;

import java.util.regex.Pattern;

/**
 * Looks for a person's name in stored text as {@link Mentions#pattern} does, but first runs a plain scan for the
 * name's first word and asks the pattern only where that word occurs. Finding where a person is named reads every
 * event of a school two or three times, and the pattern (a look-behind at every character, compared without case)
 * cost more than the rest of the search.
 */
final class NameSearch {

    private final Pattern pattern;
    private final String firstWord;
    /** The first word's first character as the pattern compares characters: upper-cased, then lower-cased. */
    private final char folded;

    NameSearch(String person) {
        this.pattern = Mentions.pattern(person);
        String first = person.strip().split("\\s+")[0];
        // a first character outside the basic plane (or none): always ask the pattern
        boolean plain = !first.isEmpty() && !Character.isSurrogate(first.charAt(0));
        this.firstWord = plain ? first : null;
        this.folded = plain ? fold(first.charAt(0)) : 0;
    }

    boolean foundIn(String text) {
        return text != null && (firstWord == null || hasFirstWord(text)) && pattern.matcher(text).find();
    }

    /**
     * Whether the first word occurs anywhere, compared as {@link String#regionMatches(boolean, int, String, int, int)}
     * compares without case: that finds every place the pattern's case-blind comparison does, and perhaps more.
     */
    private boolean hasFirstWord(String text) {
        int length = firstWord.length();
        for (int i = 0, last = text.length() - length; i <= last; i++) {
            if (fold(text.charAt(i)) == folded && text.regionMatches(true, i, firstWord, 0, length)) {
                return true;
            }
        }
        return false;
    }

    private static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }
}
