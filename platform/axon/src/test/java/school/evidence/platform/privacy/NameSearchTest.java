package school.evidence.platform.privacy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The quick scan never loses a place the name's pattern finds, whatever the case or alphabet. */
class NameSearchTest {

    private static final List<String> PEOPLE = List.of("Avery Thornton", "Zoë Ólafsdóttir", "İlkay Şahin",
                                                       "Kerry-Ann O'Neil", "Łucja Kowalska", "  Sam  ");

    @Test
    void findsExactlyWhatTheNamesPatternFinds() {
        List<String> texts = List.of(
                "{\"teacher\":\"Avery Thornton\"}", "{\"teacher\":\"AVERY   thornton\"}", "Averyl Thornton",
                "Avery Thorntons", "zoë ólafsdóttir visited", "ZOË ÓLAFSDÓTTIR", "ilkay şahin", "İLKAY ŞAHİN",
                "Kerry-Ann O'Neil", "kerry-ann o'neil", "ŁUCJA KOWALSKA", "łucja kowalska", "Sam", "sam's class",
                "Samuel", "\u212Aerry-Ann O'Neil", "", "enc:v1:abc:def", "Avery\nThornton");
        for (String person : PEOPLE) {
            NameSearch search = new NameSearch(person);
            for (String text : texts) {
                assertThat(search.foundIn(text)).as(person + " in " + text)
                        .isEqualTo(Mentions.pattern(person).matcher(text).find());
            }
            assertThat(search.foundIn(null)).isFalse();
        }
    }

    @Test
    void findsWhatThePatternFindsInRandomTextsOfMixedCase() {
        Random random = new Random(25);
        String alphabet = "aAvVeErRyYtThHoOnNzZëËóÓiİıIşŞłŁkK\u212A -'\n";
        for (String person : PEOPLE) {
            NameSearch search = new NameSearch(person);
            for (int n = 0; n < 20_000; n++) {
                StringBuilder text = new StringBuilder();
                for (int i = 0, length = random.nextInt(40); i < length; i++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                if (random.nextInt(3) == 0) { // the name itself, its letters' case flipped at random
                    for (char c : person.strip().toCharArray()) {
                        text.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
                    }
                }
                String t = text.toString();
                assertThat(search.foundIn(t)).as(person + " in " + t)
                        .isEqualTo(Mentions.pattern(person).matcher(t).find());
            }
        }
    }
}
