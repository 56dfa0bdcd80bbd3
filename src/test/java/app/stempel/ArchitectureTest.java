package app.stempel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import app.stempel.owner.Role;

/** The direction of dependencies: view → view model → service → store, said once. */
@AnalyzeClasses(packages = "app.stempel", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The data capability's services (CSV import and export, demo data), not its screens. */
    private static final DescribedPredicate<JavaClass> DATA_SERVICES = new DescribedPredicate<>(
            "are in the data package and are no view or view model") {
        @Override
        public boolean test(JavaClass c) {
            JavaClass outer = c;
            while (outer.getEnclosingClass().isPresent()) {
                outer = outer.getEnclosingClass().get();
            }
            String name = outer.getSimpleName();
            return c.getPackageName().startsWith("app.stempel.data") && !name.endsWith("View")
                    && !name.endsWith("ViewModel");
        }
    };

    @ArchTest
    static final ArchRule servicesAndStoreKnowNoJavaFx = noClasses()
            .that().haveSimpleNameEndingWith("Service")
            .or().resideInAnyPackage("..store..", "..ledger..", "..cli..", "..core..")
            .or(DATA_SERVICES)
            .or().haveSimpleNameEndingWith("Check")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");

    @ArchTest
    static final ArchRule viewsKnowNoDatabase = noClasses()
            .that().haveSimpleNameEndingWith("View").or().haveSimpleNameEndingWith("Window")
            .or().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "app.stempel.store.schema..", "org.h2..");

    @ArchTest
    static final ArchRule storeDependsOnNoFeature = noClasses()
            .that().resideInAPackage("app.stempel.store..")
            .should().dependOnClassesThat().resideInAnyPackage("app.stempel.ui..", "app.stempel.cli..",
                    "app.stempel.members..", "app.stempel.ledger..", "app.stempel.counter..");

    /**
     * One house for the database engine: only its implementation (H2's, in {@code store.h2}) knows the
     * engine's own classes, so a second engine is a second implementation of {@code store.Engine} and
     * nothing else.
     */
    @ArchTest
    static final ArchRule onlyTheEngineKnowsH2 = noClasses()
            .that().resideOutsideOfPackage("app.stempel.store.h2..")
            .should().dependOnClassesThat().resideInAPackage("org.h2..");

    /** The rest of the program reaches the engine through {@code store.Engine}; only {@code Database} picks it. */
    @ArchTest
    static final ArchRule theEngineIsKnownThroughItsInterface = noClasses()
            .that().resideOutsideOfPackage("app.stempel.store.h2..")
            .and().doNotHaveFullyQualifiedName("app.stempel.store.Database")
            .should().dependOnClassesThat().resideInAPackage("app.stempel.store.h2..");

    @ArchTest
    static final ArchRule servicesDoNotReachIntoTheUi = noClasses()
            .that().haveSimpleNameEndingWith("Service")
            .should().dependOnClassesThat().resideInAnyPackage("app.stempel.ui..");

    /** The services: every class with a method that declares its role (see {@code owner.RolesTest}). */
    private static final DescribedPredicate<JavaClass> SERVICES = new DescribedPredicate<>("are services (declare roles)") {
        @Override
        public boolean test(JavaClass c) {
            return c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(Role.class));
        }
    };

    @ArchTest
    static final ArchRule everyServiceKnowsNoJavaFxNorTheWindow = noClasses().that(SERVICES)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "app.stempel.ui..");

    @ArchTest
    static final ArchRule viewModelsSeeServicesNeverTheStore = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("app.stempel.store..", "org.jooq..", "java.sql..");

    @ArchTest
    static final ArchRule viewsSeeViewModelsNeverServices = noClasses()
            .that().haveSimpleNameEndingWith("View").or().haveSimpleNameEndingWith("Window")
            .should().dependOnClassesThat(SERVICES);

    /** The capability packages depend on each other in one direction only: no cycle, however long. */
    @ArchTest
    static final ArchRule noCyclesBetweenCapabilities = SlicesRuleDefinition
            .slices().matching("app.stempel.(*)..").should().beFreeOfCycles();
}
