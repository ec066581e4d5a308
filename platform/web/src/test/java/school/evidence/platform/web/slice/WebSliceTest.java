package school.evidence.platform.web.slice;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.TestPropertySource;
import school.evidence.platform.web.WebPlatformAutoConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A web-slice test of one controller: its mappings, JSON binding, validation and problem responses, behind the real
 * access rules, sign-in (the demo users, school {@value WebSlice#SCHOOL}, trust {@value WebSlice#TRUST}), request-size
 * and idempotency filters. What the controller calls (the command sender, a query class) is the test's to stand in.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest
@ImportAutoConfiguration(WebPlatformAutoConfiguration.class)
@Import(WebSliceStore.class)
@TestPropertySource(properties = {"evidence.demo.enabled=true", "evidence.demo.schools=" + WebSlice.SCHOOL,
                                  "evidence.demo.trusts=" + WebSlice.TRUST})
public @interface WebSliceTest {

    /** The controller under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};
}
