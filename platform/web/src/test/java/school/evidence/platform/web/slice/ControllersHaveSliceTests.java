package school.evidence.platform.web.slice;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Names the controllers of a package that have no {@code <Controller>Test} web-slice test beside them. */
public final class ControllersHaveSliceTests {

    private ControllersHaveSliceTests() {
    }

    public static List<String> withoutOne(String basePackage) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        return scanner.findCandidateComponents(basePackage).stream().map(BeanDefinition::getBeanClassName)
                      .filter(controller -> !hasSliceTest(controller)).sorted().toList();
    }

    private static boolean hasSliceTest(String controller) {
        try {
            return Class.forName(controller + "Test").isAnnotationPresent(WebSliceTest.class);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
