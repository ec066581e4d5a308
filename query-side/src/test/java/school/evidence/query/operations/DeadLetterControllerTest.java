package school.evidence.query.operations;

import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import school.evidence.platform.web.slice.WebSliceTest;

import java.util.List;
import java.util.Optional;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static school.evidence.platform.web.slice.WebSlice.*;

/** Axon's processing configuration stands in: one projection, "plans", with an empty dead-letter queue. */
@WebSliceTest(DeadLetterController.class)
@org.springframework.context.annotation.Import({DeadLetters.class, DeadLetterControllerTest.Plans.class})
class DeadLetterControllerTest {

    /** The projection's processing group, as the application's projections declare theirs. */
    @org.axonframework.config.ProcessingGroup("plans")
    static class Plans {
    }

    @Autowired
    MockMvc http;
    @MockitoBean
    Configuration axon;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void oneProjectionWithAQueue() {
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        SequencedDeadLetterQueue<EventMessage<?>> queue = mock(SequencedDeadLetterQueue.class);
        given(queue.deadLetters()).willReturn(List.of());
        given(axon.eventProcessingConfiguration()).willReturn(processing);
        given(processing.deadLetterQueue("plans")).willReturn(Optional.of(queue));
        given(processing.sequencedDeadLetterProcessor("gossip")).willReturn(Optional.empty());
    }

    @Test
    void anOperatorSeesEachProjectionsParkedEvents() throws Exception {
        http.perform(get("/api/operations/dead-letters").with(as(OPERATOR)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.plans").isArray());
    }

    @Test
    void aRetryOfAProjectionWithoutAQueueNamesTheOnesThatHaveOne() throws Exception {
        http.perform(post("/api/operations/dead-letters/gossip/retry").with(as(OPERATOR)))
            .andExpect(problem(404))
            .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("[plans]")));
    }

    @Test
    void schoolStaffDoNotSeeOperationsQueues() throws Exception {
        http.perform(get("/api/operations/dead-letters").with(as(SENIOR_LEADER))).andExpect(problem(403));
        http.perform(post("/api/operations/dead-letters/plans/retry").with(as(TRUST_OFFICER))).andExpect(problem(403));
    }
}
