package clinic.smp.lead;

import java.util.List;
import java.util.function.UnaryOperator;

import clinic.smp.common.problem.ProblemException;
import clinic.smp.intake.ContactNormalizer;
import clinic.smp.intake.FormIntake;
import clinic.smp.intake.Text;
import clinic.smp.intake.store.HumanReference;

/**
 * What staff type to find a person (the {@code q} of the lead list), read as the one kind of key it can be:
 * <ul>
 * <li>an email address (it has an {@code @}): the lead of that address, matched as intake matches a returning
 * person;</li>
 * <li>a reference ({@code E-7KQM-3WTD}, any case, dashes and spaces optional, the kind letter too): the lead that
 * made that submission;</li>
 * <li>a phone number (digits, spaces and {@code + - . ( )} only, at least 6 digits), in any common format: the lead
 * of that number, normalised as intake normalises it;</li>
 * <li>anything else, of at least 2 characters: leads whose name starts with it, case-insensitively.</li>
 * </ul>
 * Each is an equality or a prefix on an indexed column (V15), so a search costs about what one lead read does.
 */
public record LeadSearch(Kind kind, List<String> values) {

    public enum Kind {
        EMAIL, REFERENCE, PHONE, NAME_PREFIX
    }

    static final int MIN_NAME_PREFIX = 2;
    static final int MAX_LENGTH = 200;

    /**
     * @param phoneKey intake's phone normaliser ({@link ContactNormalizer#phoneKey}): E.164, or null
     * @return the search, or null when {@code q} is absent or blank
     */
    public static LeadSearch parse(String q, UnaryOperator<String> phoneKey) {
        if (q == null || Text.isBlank(q)) {
            return null;
        }
        if (Text.hasInvisible(q)) {
            throw ProblemException.invalid("q", "holds an invisible or control character");
        }
        String typed = Text.strip(q);
        if (typed.length() > MAX_LENGTH) {
            throw ProblemException.invalid("q", "is longer than " + MAX_LENGTH + " characters");
        }
        if (typed.indexOf('@') >= 0) {
            String key = ContactNormalizer.emailKey(typed);
            if (key == null) {
                throw ProblemException.invalid("q", "has an @ but is not a valid email address");
            }
            return new LeadSearch(Kind.EMAIL, List.of(key));
        }
        List<String> references = HumanReference.candidates(typed, FormIntake.Kind.referencePrefixes());
        if (!references.isEmpty() && hasDigit(typed)) {
            return new LeadSearch(Kind.REFERENCE, references);
        }
        if (phoneShaped(typed)) {
            String phone = phoneKey.apply(typed);
            if (phone == null) {
                throw ProblemException.invalid("q", "looks like a phone number but is not a valid one (give the "
                        + "country code, e.g. +44, for a number from abroad)");
            }
            return new LeadSearch(Kind.PHONE, List.of(phone));
        }
        if (typed.codePointCount(0, typed.length()) < MIN_NAME_PREFIX) {
            throw ProblemException.invalid("q", "must be at least " + MIN_NAME_PREFIX
                    + " characters to search by name");
        }
        return new LeadSearch(Kind.NAME_PREFIX, List.of(typed));
    }

    private static boolean hasDigit(String text) {
        return text.chars().anyMatch(Character::isDigit);
    }

    private static boolean phoneShaped(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if ("+-.() ".indexOf(c) < 0) {
                return false;
            }
        }
        return digits >= 6;
    }

    /** The where-clause condition on {@code lead l} and its parameters. */
    void appendTo(StringBuilder where, List<Object[]> parameters) {
        switch (kind) {
            case EMAIL -> {
                where.append(" and l.email_key = :searchEmail");
                parameters.add(new Object[] { "searchEmail", values.get(0) });
            }
            case PHONE -> {
                where.append(" and l.phone = :searchPhone");
                parameters.add(new Object[] { "searchPhone", values.get(0) });
            }
            case REFERENCE -> {
                // One reference per form at most (E-..., A-...), each looked up in its own table by its unique key,
                // in one IN (a semi-join: an OR of INs would be checked lead by lead).
                where.append(" and l.id in (");
                for (int i = 0; i < values.size(); i++) {
                    String reference = values.get(i);
                    where.append(i == 0 ? "" : " union all ").append("select s").append(i).append(".lead_id from ")
                            .append(FormIntake.Kind.ofReference(reference).table()).append(" s").append(i)
                            .append(" where s").append(i).append(".reference = :searchReference").append(i);
                    parameters.add(new Object[] { "searchReference" + i, reference });
                }
                where.append(')');
            }
            case NAME_PREFIX -> {
                // Both sides lower-cased by PostgreSQL, so that they agree whatever the letters.
                where.append(" and lower(l.name) like lower(:searchName) escape '\\'");
                parameters.add(new Object[] { "searchName", likePrefix(values.get(0)) });
            }
        }
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
