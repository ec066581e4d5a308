package school.evidence.standalone;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** No route answers with a storage document, at any depth of its reply type (records, lists, maps, ResponseEntity). */
class ResponseTypesTest {

    @Test
    void noReplyTypeContainsAStorageDocument() {
        List<String> found = new ArrayList<>();
        int routes = 0;
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                                             .importPackages("school.evidence");
        for (var javaClass : classes) {
            if (!javaClass.isAnnotatedWith(RestController.class)) {
                continue;
            }
            for (Method method : javaClass.reflect().getDeclaredMethods()) {
                if (AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) {
                    routes++;
                    if (contains(method.getGenericReturnType(), new HashSet<>())) {
                        found.add(javaClass.getSimpleName() + "." + method.getName());
                    }
                }
            }
        }
        assertThat(routes).as("routes found").isGreaterThan(60);
        assertThat(found).as("routes whose reply holds an org.bson.Document").isEmpty();
    }

    private static boolean contains(Type type, Set<Type> seen) {
        if (!seen.add(type)) {
            return false;
        }
        if (type instanceof Class<?> c) {
            if (Document.class.isAssignableFrom(c)) {
                return true;
            }
            if (c.isArray()) {
                return contains(c.getComponentType(), seen);
            }
            if (c.isRecord()) {
                for (RecordComponent component : c.getRecordComponents()) {
                    if (contains(component.getGenericType(), seen)) {
                        return true;
                    }
                }
            }
            return false;
        }
        if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                if (contains(argument, seen)) {
                    return true;
                }
            }
            return contains(p.getRawType(), seen);
        }
        if (type instanceof GenericArrayType a) {
            return contains(a.getGenericComponentType(), seen);
        }
        if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                if (contains(bound, seen)) {
                    return true;
                }
            }
        }
        return false;
    }
}
