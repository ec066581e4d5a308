package school.evidence.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;

import java.io.IOException;
import java.util.Collection;

/**
 * No list in a request holds more than {@value #MAX} items (strengths, action ids, pupils' comments...): more is a
 * mistake or an attack, refused with 400 naming the field. Bodies are also capped at 1 MiB, so a list is read whole
 * before it is counted.
 */
public final class BoundedLists extends DelegatingDeserializer {

    public static final int MAX = 200;

    BoundedLists(JsonDeserializer<?> collections) {
        super(collections);
    }

    public static SimpleModule module() {
        return new SimpleModule("bounded-lists").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                                    BeanDescription description,
                                                                    JsonDeserializer<?> deserializer) {
                return new BoundedLists(deserializer);
            }
        });
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
        return new BoundedLists(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        Object value = super.deserialize(p, ctxt);
        if (value instanceof Collection<?> list && list.size() > MAX) {
            return ctxt.reportInputMismatch(this, "holds %d items; at most %d are allowed", list.size(), MAX);
        }
        return value;
    }
}
