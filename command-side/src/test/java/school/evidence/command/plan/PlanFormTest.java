package school.evidence.command.plan;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import school.evidence.kernel.plan.ActionDetails;
import school.evidence.kernel.plan.HalfTerm;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a person types in the change-an-action form, read as the plan takes it, or said back in words. */
class PlanFormTest {

    private static PlanForm form(Map<String, List<String>> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::put);
        return new PlanForm(form);
    }

    @Test
    void anActionIsReadWithItsLeadsOnePerLineAndTheCostAsASchoolWritesIt() {
        PlanForm typed = form(Map.of("title", List.of("  Reading is at the core  "), "leads",
                                     List.of("DHT\n\n English Leader \n"), "cost", List.of("£1,250.50"),
                                     "priorities", List.of("P1", "P4"), "ofstedActions", List.of("OA2")));
        ActionDetails details = typed.actionDetails();
        assertThat(typed.errors).isEmpty();
        assertThat(details.title()).isEqualTo("Reading is at the core");
        assertThat(details.leads()).containsExactly("DHT", "English Leader");
        assertThat(details.costPounds()).isEqualByComparingTo(new BigDecimal("1250.50"));
        assertThat(details.priorities()).containsExactly("P1", "P4");
        assertThat(details.ofstedActions()).containsExactly("OA2");
        assertThat(details.governorLink()).isNull();
    }

    @Test
    void aCostThatIsNotAnAmountInPoundsAndPenceAndABlankTitleAreSaidInWords() {
        for (String cost : List.of("twelve", "-5", "1.234")) {
            PlanForm typed = form(Map.of("title", List.of(" "), "cost", List.of(cost)));
            assertThat(typed.actionDetails()).isNull();
            assertThat(typed.errors).containsOnlyKeys("title", "cost");
            assertThat(typed.errors.get("cost")).startsWith("Enter the cost in pounds");
        }
    }

    @Test
    void halfTermsAreReadFromTheTickedBoxesAndNoneIsAProblem() {
        assertThat(form(Map.of("halfTerms", List.of("SPRING_1", "SUMMER_2"))).halfTerms())
                .isEqualTo(Set.of(HalfTerm.SPRING_1, HalfTerm.SUMMER_2));
        PlanForm none = form(Map.of("halfTerms", List.of("NOT_A_TERM")));
        assertThat(none.halfTerms()).isNull();
        assertThat(none.errors).containsKey("halfTerms");
    }

    @Test
    void aRefusalIsShownAgainstTheBoxItIsAbout() {
        PlanForm typed = form(Map.of());
        assertThat(typed.fieldOf("costPounds")).isEqualTo("cost");
        assertThat(typed.fieldOf("priorities")).isEqualTo("priorities");
        assertThat(typed.fieldOf("planId")).isEqualTo("reason");
        assertThat(typed.fieldOf(null)).isEqualTo("reason");
    }
}
