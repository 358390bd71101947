package clinic.smp.intake;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Required text: present and not {@link Text#isBlank blank}. It replaces Bean Validation's {@code @NotBlank}, which
 * takes a no-break space or a zero-width space for text (NoJakartaNotBlankTest keeps it out). The contract states it
 * through the field's {@code @Schema(pattern = ...)}: {@link Text#REQUIRED_SINGLE_LINE} with {@link SingleLine},
 * {@link Text#REQUIRED_MULTI_LINE} with {@link MultiLine}, {@link Text#NOT_BLANK} otherwise
 * (FreeTextPatternsInContractTest checks it), and its description says so with {@link Text#REQUIRED_DESCRIPTION}.
 */
@Documented
@Constraint(validatedBy = NotBlankText.Validator.class)
@Target({ FIELD, METHOD, PARAMETER, TYPE_USE })
@Retention(RUNTIME)
public @interface NotBlankText {

    String message() default "is required";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<NotBlankText, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value != null && !Text.isBlank(value);
        }
    }
}
