package clinic.smp.eligibility;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The eligibility rules stay plain Java. The rule restricts what the classes may depend on (not merely what is on the
 * classpath), so it keeps holding once the sources live in the Quarkus service next to Jakarta, JPA and Jackson.
 */
@AnalyzeClasses(packages = "clinic.smp.eligibility", importOptions = ImportOption.DoNotIncludeTests.class)
class EligibilityIsPureJavaTest {

    @ArchTest
    static final ArchRule eligibility_depends_only_on_the_jdk_and_itself = classes()
            .that().resideInAPackage("clinic.smp.eligibility..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "clinic.smp.eligibility..")
            .because("the triage rules are a pure, framework-free core; the service maps to and from it");

    @ArchTest
    static final ArchRule eligibility_packages_are_free_of_cycles = slices()
            .matching("clinic.smp.eligibility.(**)")
            .should().beFreeOfCycles()
            .because("profile and triage are plain values, rules build on them, and the engine on the rules");

    @ArchTest
    static final ArchRule the_profile_knows_nothing_of_triage = classes()
            .that().resideInAPackage("clinic.smp.eligibility.profile..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "clinic.smp.eligibility.profile..")
            .because("the candidate's answers are input only, and mean the same whatever the rules say");
}
