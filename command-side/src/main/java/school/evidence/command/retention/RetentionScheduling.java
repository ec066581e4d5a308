package school.evidence.command.retention;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The retention job runs on a schedule (nightly by default; {@code evidence.retention.cron}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionScheduling {
}
