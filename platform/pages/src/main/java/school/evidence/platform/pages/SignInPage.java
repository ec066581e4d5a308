package school.evidence.platform.pages;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import school.evidence.platform.access.DemoUsers;
import school.evidence.platform.access.OpenPage;

import java.util.List;

/**
 * The sign-in page: a button for each identity provider connected ({@code spring.security.oauth2.client.*}) and, in
 * demo mode, one per demo user (the password is published). Open to everyone, so it carries no {@code @Allowed} rule.
 */
@PageController
class SignInPage {

    /** A demo user as the page offers them. */
    record DemoChoice(String userName, String who, String whatTheyDo) {
    }

    private static final List<DemoChoice> DEMO = List.of(
            new DemoChoice("slt", "senior leader",
                           "A senior leader judges RAG, records monitoring and answers governors' challenge."),
            new DemoChoice("subject-leader", "subject leader",
                           "A subject leader records monitoring and follows up next steps."),
            new DemoChoice("governor", "governor",
                           "A governor reads the plan and the evidence, and raises challenge."),
            new DemoChoice("trust-officer", "trust officer",
                           "A trust officer sees the trust's schools."),
            new DemoChoice("operator", "operator",
                           "An operator runs the service and sees no school's records."));

    private final ObjectProvider<DemoUsers> demo;
    private final ObjectProvider<ClientRegistrationRepository> providers;

    SignInPage(ObjectProvider<DemoUsers> demo, ObjectProvider<ClientRegistrationRepository> providers) {
        this.demo = demo;
        this.providers = providers;
    }

    @OpenPage
    @GetMapping("/sign-in")
    String signIn(Model model) {
        boolean demoMode = demo.getIfAvailable() != null;
        model.addAttribute("demoMode", demoMode);
        model.addAttribute("demoUsers", demoMode ? DEMO : List.of());
        model.addAttribute("demoPassword", DemoUsers.PASSWORD);
        ClientRegistrationRepository clients = providers.getIfAvailable();
        model.addAttribute("providers", clients == null ? List.of() : IdentityProviderSignIn.providers(clients));
        return "sign-in";
    }
}
