package clinic.smp.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import jakarta.validation.constraints.NotBlank;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Required text has one definition of blank, {@link Text#isBlank}, checked by {@link NotBlankText}. Bean Validation's
 * {@code @NotBlank} has another (a no-break or zero-width space is text to it), so it may not appear at all.
 */
@AnalyzeClasses(packages = "clinic.smp", importOptions = ImportOption.DoNotIncludeTests.class)
class NoJakartaNotBlankTest {

    private static final String WHY = "blank text is what Text.isBlank says: use @NotBlankText";

    @ArchTest
    static final ArchRule no_field_is_not_blank = noFields().should().beAnnotatedWith(NotBlank.class).because(WHY);

    @ArchTest
    static final ArchRule no_method_is_not_blank = noCodeUnits().should().beAnnotatedWith(NotBlank.class).because(WHY);

    /** Parameters and type arguments ({@code List<@NotBlank String>}) too: any reference at all. */
    @ArchTest
    static final ArchRule nothing_refers_to_not_blank = noClasses().should().dependOnClassesThat()
            .belongToAnyOf(NotBlank.class).because(WHY);
}
