package school.evidence.standalone;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/** Test classpath only: every MongoDB client the tests start reports its queries to {@link QueryShapes}. */
@AutoConfiguration
public class QueryShapeRecording {

    @Bean
    MongoClientSettingsBuilderCustomizer recordQueryShapes() {
        return builder -> builder.addCommandListener(QueryShapes.RECORDER);
    }

    /** The service's own client looks up the indexes (the embedded store admits no other). */
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor lendClientToQueryShapes() {
        return new org.springframework.beans.factory.config.BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof com.mongodb.client.MongoClient client) {
                    QueryShapes.RECORDER.lookUpIndexesWith(client);
                }
                return bean;
            }
        };
    }
}
