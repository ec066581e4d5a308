package school.evidence.query.replay;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import school.evidence.query.ReadModelProcessors;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The projections a rebuild can make again, by read model (processing group; a read model may be made by more than
 * one class), what collections each writes, and how one is made again on a shadow database.
 */
final class RebuildableProjections {

    private RebuildableProjections() {
    }

    /** Each rebuildable read model's projection beans; the Merkle index and the erasure follower are never rebuilt. */
    static Map<String, List<Object>> of(ApplicationContext context) {
        Map<String, List<Object>> byGroup = new TreeMap<>();
        for (Object bean : context.getBeansWithAnnotation(ProcessingGroup.class).values()) {
            ProcessingGroup group = AnnotationUtils.findAnnotation(bean.getClass(), ProcessingGroup.class);
            if (group != null && ReadModelProcessors.isReadModel(group.value())) {
                byGroup.computeIfAbsent(group.value(), g -> new ArrayList<>()).add(bean);
            }
        }
        return byGroup;
    }

    /** The collections a projection writes: its {@code MongoCollection} fields. */
    static List<String> ownedCollections(Object projection) {
        List<String> names = new ArrayList<>();
        for (Class<?> type = projection.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (MongoCollection.class.isAssignableFrom(field.getType())
                        && !Modifier.isStatic(field.getModifiers())) {
                    try {
                        field.setAccessible(true);
                        names.add(((MongoCollection<?>) field.get(projection)).getNamespace().getCollectionName());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return names;
    }

    /** The projections made again on {@code database} (each is built from a MongoDatabase alone). */
    static List<Object> madeAgain(List<Object> projections, MongoDatabase database) {
        List<Object> made = new ArrayList<>();
        for (Object projection : projections) {
            try {
                var constructor = projection.getClass().getDeclaredConstructor(MongoDatabase.class);
                constructor.setAccessible(true);
                made.add(constructor.newInstance(database));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("A projection is built from a MongoDatabase alone: "
                                                        + projection.getClass().getName(), e);
            }
        }
        return made;
    }
}
