package school.evidence.standalone;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries docs/architecture.md draws, checked on the compiled classes of every module. */
@AnalyzeClasses(packages = "school.evidence", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule commandSideDoesNotKnowTheQuerySide = noClasses()
            .that().resideInAPackage("school.evidence.command..")
            .should().dependOnClassesThat().resideInAPackage("school.evidence.query..");

    @ArchTest
    static final ArchRule querySideDoesNotKnowTheCommandSide = noClasses()
            .that().resideInAPackage("school.evidence.query..")
            .should().dependOnClassesThat().resideInAPackage("school.evidence.command..");

    @ArchTest
    static final ArchRule theLedgerHoldsNoDomainAndNoSpring = noClasses()
            .that().resideInAPackage("school.evidence.ledger..")
            .should().dependOnClassesThat().resideInAnyPackage("school.evidence.kernel..", "school.evidence.command..",
                                                               "school.evidence.query..", "school.evidence.platform..",
                                                               "org.springframework..");

    @ArchTest
    static final ArchRule theKernelIsPlainRecords = noClasses()
            .that().resideInAPackage("school.evidence.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                                                               "school.evidence.command..", "school.evidence.query..",
                                                               "school.evidence.ledger..", "school.evidence.platform..");

    @ArchTest
    static final ArchRule thePlatformServesBothSidesWithoutKnowingEither = noClasses()
            .that().resideInAPackage("school.evidence.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("school.evidence.command..", "school.evidence.query..");

    @ArchTest
    static final ArchRule aggregatesDoNotTouchTheDatabase = noClasses()
            .that().areAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class)
            .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..",
                                                               "org.springframework.web..");
}
