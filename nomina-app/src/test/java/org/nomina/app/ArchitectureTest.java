package org.nomina.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module boundaries of docs/DESIGN.md: the engine is pure functions over in-memory data, so that the same
 * linkage and estimation code can run inside Apache Spark; the store knows nothing of the command line
 * or the web. The app's test classpath holds all three modules' main classes, so the rules run here.
 * A rule whose {@code that()} selects no class fails (ArchUnit's default), so an empty import cannot pass.
 *
 * <p>The rules are checked from {@code @ArchTest} methods, not declared as {@code @ArchTest} fields:
 * Maven Surefire 3.5.3 (our version) silently runs no field rules at all (TNG/ArchUnit#1442,
 * apache/maven-surefire#839); methods run and fail as they should.
 */
@AnalyzeClasses(packages = "org.nomina", importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {
    /**
     * The store's test helpers reach the app's tests as its test-jar ({@code nomina-store-…-tests.jar}), which
     * {@code DoNotIncludeTests} does not recognise (it knows test-classes folders): its test code would be checked as main code.
     */
    public static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar");
        }
    }


    private static final ArchRule ENGINE_WITHOUT_STORE_OR_APP = noClasses()
            .that().resideInAPackage("org.nomina.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("org.nomina.store..", "org.nomina.app..")
            .because("the engine takes records in and gives results out; storage and the command line build on it, never the reverse");

    private static final ArchRule ENGINE_WITHOUT_DATABASE = noClasses()
            .that().resideInAPackage("org.nomina.engine..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.jdbi..", "org.flywaydb..", "org.h2..", "org.postgresql..", "java.sql..", "javax.sql..")
            .because("the engine never touches the database, so its linkage and estimation can run in a distributed engine (Spark)");

    private static final ArchRule ENGINE_WITHOUT_WEB_OR_COMMAND_LINE = noClasses()
            .that().resideInAPackage("org.nomina.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "gg.jte..", "picocli..")
            .because("the engine never touches the web or the command line; the app wires it to them");

    private static final ArchRule ENGINE_WITHOUT_FILE_FORMATS = noClasses()
            .that().resideInAPackage("org.nomina.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.poi..", "org.apache.commons.csv..", "com.fasterxml.jackson..")
            .because("reading and writing files (CSV, .xlsx, JSON) is the store's work; the engine sees only in-memory records");

    private static final ArchRule STORE_WITHOUT_APP = noClasses()
            .that().resideInAPackage("org.nomina.store..")
            .should().dependOnClassesThat().resideInAPackage("org.nomina.app..")
            .because("the store serves the command line, the web app and batch jobs alike, so it cannot know any of them");

    /**
     * The store's services (Database, Importer, Users …): every store class but its values (records, enums) and
     * {@code BadInputException}, the store's error for bad input, which an adapter turns into its message (the
     * command line: exit code 2; the web: a 400).
     */
    private static final com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> STORE_SERVICES =
            com.tngtech.archunit.base.DescribedPredicate.describe("are store classes other than records and enums",
                    (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith("org.nomina.store")
                            && !c.isRecord() && !c.isEnum()
                            && !c.getName().equals("org.nomina.store.BadInputException"));

    /**
     * The web pages reach the register only through the application layer ({@code org.nomina.app.register}):
     * no store service (Database, Importer, Users …) is called from a page. Store values — records and
     * enums such as a search hit or a role — may pass through to be shown.
     */
    private static final ArchRule WEB_THROUGH_REGISTER = noClasses()
            .that().resideInAPackage("org.nomina.app.web..")
            .should().dependOnClassesThat(STORE_SERVICES)
            .because("the web is a thin adapter over the application layer, which the command line will share");

    /**
     * The command line, likewise, parses options, calls one operation of the application layer and prints
     * its typed result: no store service is constructed or called from a command. Store values (an import's
     * request and result, a figure, a role) pass through, as for the web.
     */
    private static final ArchRule CLI_THROUGH_REGISTER = noClasses()
            .that().resideInAPackage("org.nomina.app.cli..")
            .should().dependOnClassesThat(STORE_SERVICES)
            .because("the command line is a thin adapter over the application layer (org.nomina.app.register), which the web shares");

    /**
     * The store's packages build on one another in one direction, so that each can be read and changed on its own.
     * {@code verify.Verifier}, which recomputes the digest of every kind of ledger entry (an import's rows, a link's
     * memberships, a claim's reading), sits in a package above those it reads, so there is no exception.
     */
    private static final ArchRule STORE_FREE_OF_CYCLES = com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
            .matching("org.nomina.store.(*)..")
            .should().beFreeOfCycles()
            .because("a cycle between store packages (imports ↔ linkage, say) makes neither changeable without the other");

    /**
     * Parallel work runs on a pool of its own ({@code org.nomina.engine.work.Workers}): no parallel stream, no
     * common pool anywhere else, so that a link run inside the server cannot take the threads its requests need.
     */
    private static final ArchRule PARALLEL_ONLY_ON_OWN_POOLS = noClasses()
            .that().resideInAPackage("org.nomina..").and().doNotHaveFullyQualifiedName("org.nomina.engine.work.Workers")
            .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe("a parallel stream or the common pool",
                    (com.tngtech.archunit.core.domain.JavaMethodCall call) -> java.util.Set.of("parallel", "parallelStream", "commonPool")
                            .contains(call.getTarget().getName())
                            && call.getTarget().getOwner().getPackageName().startsWith("java.util")))
            .because("the common pool is shared with everything in the process; each kind of parallel work has its own bounded pool (issue 14)");

    @ArchTest
    static void parallelWorkShouldRunOnlyOnItsOwnPools(JavaClasses classes) {
        PARALLEL_ONLY_ON_OWN_POOLS.check(classes);
    }

    @ArchTest
    static void commandLineShouldReachTheStoreOnlyThroughTheRegister(JavaClasses classes) {
        CLI_THROUGH_REGISTER.check(classes);
    }

    @ArchTest
    static void storePackagesShouldBeFreeOfCycles(JavaClasses classes) {
        STORE_FREE_OF_CYCLES.check(classes);
    }

    @ArchTest
    static void webShouldReachTheStoreOnlyThroughTheRegister(JavaClasses classes) {
        WEB_THROUGH_REGISTER.check(classes);
    }

    @ArchTest
    static void engineShouldNotDependOnStoreOrApp(JavaClasses classes) {
        ENGINE_WITHOUT_STORE_OR_APP.check(classes);
    }

    @ArchTest
    static void engineShouldNotDependOnDatabaseLibraries(JavaClasses classes) {
        ENGINE_WITHOUT_DATABASE.check(classes);
    }

    @ArchTest
    static void engineShouldNotDependOnWebOrCommandLineLibraries(JavaClasses classes) {
        ENGINE_WITHOUT_WEB_OR_COMMAND_LINE.check(classes);
    }

    @ArchTest
    static void engineShouldNotDependOnFileFormatLibraries(JavaClasses classes) {
        ENGINE_WITHOUT_FILE_FORMATS.check(classes);
    }

    @ArchTest
    static void storeShouldNotDependOnApp(JavaClasses classes) {
        STORE_WITHOUT_APP.check(classes);
    }
}
