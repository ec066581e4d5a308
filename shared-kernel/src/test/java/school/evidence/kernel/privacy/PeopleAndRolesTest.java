package school.evidence.kernel.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Roles and initials stay readable; anything that may be a person's name is personal data. */
class PeopleAndRolesTest {

    @Test
    void rolesTeamsSubjectsInitialsAndClassesAreRoles() {
        for (String role : new String[]{"HT", "DHT", "SLT", "English lead", "Maths Lead", "Head of Year 6", "KS2 team",
                                        "Governing board", "Chair of governors", "Y4", "4B", "JC", "HT and DHT",
                                        "Subject leaders", "SENDCo", "EYFS lead", "Local authority adviser",
                                        "Deputy head teacher", "Trust school improvement partner", "All staff", ""}) {
            assertThat(PeopleAndRoles.isRole(role)).as(role).isTrue();
        }
    }

    @Test
    void anythingThatMayBeANameIsAPerson() {
        for (String person : new String[]{"Rosa Hart", "Mrs Hart", "Mr R. Hart", "Rosa Hart (English lead)",
                                          "ROSA HART", "Ottoline", "Dr Singh", "English lead: Kim Lee", "Hart"}) {
            assertThat(PeopleAndRoles.isRole(person)).as(person).isFalse();
        }
    }
}
