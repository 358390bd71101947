package clinic.smp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The arrows between packages point down, and each kind of code stays where it is expected. */
class ArchitectureTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("clinic.smp");

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("clinic.smp.(*)..").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void commonImportsNoFeature() {
        noClasses().that().resideInAPackage("clinic.smp.common..").should().dependOnClassesThat()
                .resideOutsideOfPackages("clinic.smp.common..", "java..", "jakarta..", "io..", "org..", "com..")
                .check(SERVICE);
    }

    /**
     * JDBC belongs to the submission store and to the classes that read or write their own tables: repositories and
     * queries; the reference allocator and the rate limiter, whose one statement each runs off Hibernate; the CSV
     * export, which streams rows; the classification of the driver's failures; and the start-up guard of the embedded
     * database, and the readiness probe.
     */
    @Test
    void onlyTheStoreAndDataAccessClassesUseJdbc() {
        noClasses().that().resideOutsideOfPackage("clinic.smp.intake.store..")
                .and().haveSimpleNameNotEndingWith("Repository").and().haveSimpleNameNotEndingWith("Queries")
                .and().doNotHaveFullyQualifiedName("clinic.smp.intake.ratelimit.RateLimiter")
                .and().doNotHaveFullyQualifiedName("clinic.smp.lead.LeadCsvExport")
                .and().doNotHaveFullyQualifiedName("clinic.smp.common.problem.DatabaseFailures")
                .and().doNotHaveFullyQualifiedName("clinic.smp.common.EmbeddedDatabaseGuard")
                .and().doNotHaveFullyQualifiedName("clinic.smp.common.DatabaseReadiness")
                .should().dependOnClassesThat().resideInAPackage("java.sql..").check(SERVICE);
    }
}
