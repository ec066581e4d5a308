package school.evidence.kernel.school;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterSchool(@TargetAggregateIdentifier String urn, String name) {
}
