package clinic.smp.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * {@link SingleLine} and {@link MultiLine} check a pattern that the contract states through the field's
 * {@code @Schema(pattern = ...)} (a {@code @Pattern} did both at once): every field they check must state it.
 */
@AnalyzeClasses(packages = "clinic.smp", importOptions = ImportOption.DoNotIncludeTests.class)
class FreeTextPatternsInContractTest {

    @ArchTest
    static final ArchRule single_line_fields_state_their_pattern = fields().that().areAnnotatedWith(SingleLine.class)
            .should().beAnnotatedWith(schemaPattern(Text.SINGLE_LINE))
            .because("the contract tells clients which text the service refuses");

    @ArchTest
    static final ArchRule multi_line_fields_state_their_pattern = fields().that().areAnnotatedWith(MultiLine.class)
            .should().beAnnotatedWith(schemaPattern(Text.MULTI_LINE))
            .because("the contract tells clients which text the service refuses");

    private static DescribedPredicate<JavaAnnotation<?>> schemaPattern(String pattern) {
        return DescribedPredicate.describe("@Schema(pattern = \"" + pattern + "\")",
                annotation -> annotation.getRawType().isEquivalentTo(Schema.class)
                        && pattern.equals(annotation.get("pattern").orElse(null)));
    }
}
