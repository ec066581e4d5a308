package school.evidence.standalone;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
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
    static final ArchRule axonWiringDoesNotKnowTheWebLayer = noClasses()
            .that().resideInAnyPackage("school.evidence.platform.axon..", "school.evidence.platform.proof..",
                                       "school.evidence.platform.privacy..", "school.evidence.platform.metrics..")
            .should().dependOnClassesThat().resideInAnyPackage("school.evidence.platform.access..",
                                                               "school.evidence.platform.web..");

    /** The ledger owns its format: nothing else names its stored fields (LedgerFormatTest: nor its collections). */
    @ArchTest
    static final ArchRule onlyTheLedgerNamesItsStoredFields = noClasses()
            .that().resideOutsideOfPackage("school.evidence.ledger..")
            .should().dependOnClassesThat().haveFullyQualifiedName("school.evidence.ledger.LedgerFields");

    /** The embedded store is a database: it knows nothing of ours, and only the launcher starts it. */
    @ArchTest
    static final ArchRule theEmbeddedStoreKnowsNothingOfOurs = noClasses()
            .that().resideInAPackage("school.evidence.store..")
            .should().dependOnClassesThat().resideInAnyPackage("school.evidence.kernel..", "school.evidence.ledger..",
                                                               "school.evidence.platform..", "school.evidence.command..",
                                                               "school.evidence.query..");

    @ArchTest
    static final ArchRule onlyTheLauncherUsesTheEmbeddedStore = noClasses()
            .that().resideOutsideOfPackages("school.evidence.store..", "school.evidence.standalone..")
            .should().dependOnClassesThat().resideInAPackage("school.evidence.store..");

    /** deploy/ depends on everything; nothing depends on deploy/. */
    @ArchTest
    static final ArchRule nothingDependsOnTheLauncher = noClasses()
            .that().resideOutsideOfPackage("school.evidence.standalone..")
            .should().dependOnClassesThat().resideInAPackage("school.evidence.standalone..");

    /** Controllers answer with records; storage documents stay in the query classes behind them. */
    @ArchTest
    static final ArchRule controllersDoNotHandleStorageDocuments = noClasses()
            .that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should().dependOnClassesThat().haveFullyQualifiedName("org.bson.Document");

    /** Who may call a route is said beside it; the permission-matrix test checks what each says. */
    @ArchTest
    static final ArchRule everyRouteSaysWhoMayCallIt = methods()
            .that().areAnnotatedWith(org.springframework.web.bind.annotation.GetMapping.class)
            .or().areAnnotatedWith(org.springframework.web.bind.annotation.PostMapping.class)
            .should().beAnnotatedWith(school.evidence.platform.access.Allowed.class)
            .orShould().beAnnotatedWith(school.evidence.platform.access.OpenPage.class);

    @ArchTest
    static final ArchRule aggregatesDoNotTouchTheDatabase = noClasses()
            .that().areAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class)
            .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..",
                                                               "org.springframework.web..");
}
