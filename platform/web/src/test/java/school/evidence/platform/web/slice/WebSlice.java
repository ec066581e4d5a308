package school.evidence.platform.web.slice;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.ResultMatcher;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What web-slice tests share: who calls, and what a problem reply looks like. */
public final class WebSlice {

    /** The school and the trust the demo users belong to in a slice. */
    public static final String SCHOOL = "108520";
    public static final String TRUST = "trust-north";
    /** A school nobody in the slice belongs to. */
    public static final String OTHER_SCHOOL = "999999";

    public static final String SENIOR_LEADER = "slt";
    public static final String SUBJECT_LEADER = "subject-leader";
    public static final String GOVERNOR = "governor";
    public static final String TRUST_OFFICER = "trust-officer";
    public static final String OPERATOR = "operator";

    private WebSlice() {
    }

    /** Signs the request in as a demo user. */
    public static RequestPostProcessor as(String user) {
        String basic = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Basic " + basic);
            return request;
        };
    }

    /** A JSON body. */
    public static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** An RFC 9457 problem reply with this status. */
    public static ResultMatcher problem(int status) {
        return result -> {
            status().is(status).match(result);
            content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).match(result);
            jsonPath("$.status").value(status).match(result);
            jsonPath("$.detail").isNotEmpty().match(result);
        };
    }
}
