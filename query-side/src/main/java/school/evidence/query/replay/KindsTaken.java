package school.evidence.query.replay;

import org.axonframework.eventhandling.EventHandler;
import school.evidence.kernel.privacy.PersonalData;
import school.evidence.platform.privacy.Mentions;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What events a read model's projections take, read from their handlers: whether any holds personal data, and the
 * kinds to read from the ledger when a read model is made again from part of it ({@link SchoolReplay}).
 */
final class KindsTaken {

    private KindsTaken() {
    }

    /** Whether any of these projections takes an event with personal data in it (by its kind or a kind above it). */
    static boolean holdPersonalData(List<Object> projections) {
        return takesAny(projections, PERSONAL);
    }

    /** Whether any of these projections takes an organisation's own records (its plans, filed under no school). */
    static boolean anyOrganisations(List<Object> projections) {
        return takesAny(projections, ORGANISATIONS);
    }

    private static boolean takesAny(List<Object> projections, List<Class<?>> kinds) {
        return projections.stream().flatMap(p -> handlerParameters(p).stream())
                          .anyMatch(taken -> kinds.stream().anyMatch(taken::isAssignableFrom));
    }

    private static final List<Class<?>> PERSONAL = kinds(PersonalData.BY_EVENT.keySet());
    /** Kinds with personal data that are an organisation's own records (its plans), filed under no school. */
    private static final List<Class<?>> ORGANISATIONS = kinds(Mentions.ORGANISATION_TYPES);

    private static List<Class<?>> kinds(java.util.Collection<String> names) {
        return names.stream().<Class<?>>map(name -> {
            try {
                return Class.forName(name);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("PersonalData names an unknown event " + name, e);
            }
        }).toList();
    }

    /**
     * The kinds of event (payload class names, as the ledger stores them) these targets' projections take; none (read
     * every kind) if a handler takes a type other events may be (an interface, a class with subclasses).
     */
    static Set<String> of(List<ShadowReplay.Target> targets) {
        Set<String> kinds = new TreeSet<>();
        for (ShadowReplay.Target target : targets) {
            for (Object projection : target.projections) {
                if (handlerParameters(projection).stream().anyMatch(type -> !type.isRecord())) {
                    return Set.of();
                }
                kinds.addAll(kindsTaken(projection));
            }
        }
        return kinds;
    }

    /** The kinds its handlers name (no upcaster renames a kind, so these are the names the ledger stores). */
    private static Set<String> kindsTaken(Object projection) {
        Set<String> kinds = new TreeSet<>();
        handlerParameters(projection).forEach(type -> kinds.add(type.getName()));
        return kinds;
    }

    private static List<Class<?>> handlerParameters(Object projection) {
        List<Class<?>> taken = new ArrayList<>();
        for (Class<?> type = projection.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(EventHandler.class) && method.getParameterCount() > 0) {
                    taken.add(method.getParameterTypes()[0]);
                }
            }
        }
        return taken;
    }
}
