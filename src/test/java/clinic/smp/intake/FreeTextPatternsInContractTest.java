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
 * {@link SingleLine}, {@link MultiLine} and {@link NotBlankText} check a pattern that the contract states through the
 * field's {@code @Schema(pattern = ...)} (a {@code @Pattern} did both at once): every field they check must state it,
 * and a required one must say in its description what counts as missing.
 */
@AnalyzeClasses(packages = "clinic.smp", importOptions = ImportOption.DoNotIncludeTests.class)
class FreeTextPatternsInContractTest {

    @ArchTest
    static final ArchRule single_line_fields_state_their_pattern = fields().that().areAnnotatedWith(SingleLine.class)
            .and().areNotAnnotatedWith(NotBlankText.class)
            .should().beAnnotatedWith(schemaPattern(Text.SINGLE_LINE))
            .because("the contract tells clients which text the service refuses");

    @ArchTest
    static final ArchRule multi_line_fields_state_their_pattern = fields().that().areAnnotatedWith(MultiLine.class)
            .and().areNotAnnotatedWith(NotBlankText.class)
            .should().beAnnotatedWith(schemaPattern(Text.MULTI_LINE))
            .because("the contract tells clients which text the service refuses");

    @ArchTest
    static final ArchRule required_single_line_fields_state_their_pattern = fields().that()
            .areAnnotatedWith(SingleLine.class).and().areAnnotatedWith(NotBlankText.class)
            .should().beAnnotatedWith(schemaPattern(Text.REQUIRED_SINGLE_LINE))
            .because("the contract tells clients which text the service refuses, blank text included");

    @ArchTest
    static final ArchRule required_multi_line_fields_state_their_pattern = fields().that()
            .areAnnotatedWith(MultiLine.class).and().areAnnotatedWith(NotBlankText.class)
            .should().beAnnotatedWith(schemaPattern(Text.REQUIRED_MULTI_LINE))
            .because("the contract tells clients which text the service refuses, blank text included");

    @ArchTest
    static final ArchRule other_required_text_states_not_blank = fields().that().areAnnotatedWith(NotBlankText.class)
            .and().areNotAnnotatedWith(SingleLine.class).and().areNotAnnotatedWith(MultiLine.class)
            .should().beAnnotatedWith(schemaPattern(Text.NOT_BLANK))
            .because("the contract tells clients that blank text is missing");

    @ArchTest
    static final ArchRule required_text_says_what_is_missing = fields().that().areAnnotatedWith(NotBlankText.class)
            .should().beAnnotatedWith(DescribedPredicate.describe("@Schema(description with REQUIRED_DESCRIPTION)",
                    annotation -> annotation.getRawType().isEquivalentTo(Schema.class) && String
                            .valueOf(annotation.get("description").orElse("")).contains(Text.REQUIRED_DESCRIPTION)))
            .because("the contract tells clients which text counts as missing");

    private static DescribedPredicate<JavaAnnotation<?>> schemaPattern(String pattern) {
        return DescribedPredicate.describe("@Schema(pattern = \"" + pattern + "\")",
                annotation -> annotation.getRawType().isEquivalentTo(Schema.class)
                        && pattern.equals(annotation.get("pattern").orElse(null)));
    }
}
