package clinic.smp.lead;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import clinic.smp.common.http.QueryBoolean;
import clinic.smp.common.problem.Problem.FieldViolation;
import clinic.smp.common.problem.ProblemException;
import clinic.smp.eligibility.triage.ApplicationCode;
import clinic.smp.eligibility.triage.Outcome;
import clinic.smp.intake.ContactNormalizer;
import clinic.smp.lead.api.LeadPatch;

/**
 * Which leads a list or an export is about. Every field is optional; ranges are [from, to). {@code emailKey} is
 * {@link ContactNormalizer#emailKey} of the email asked for, so a lead is found by whatever form of its address.
 */
public record LeadFilter(Outcome outcome, ApplicationCode application, LeadStatus status, Instant createdFrom,
        Instant createdTo, Instant updatedFrom, Instant updatedTo, Boolean hasAssessment, String emailKey,
        LeadSearch search, String externalId) {

    /** Reads the query parameters, reporting every invalid one at once (400 naming the parameter). */
    public static LeadFilter parse(String outcome, String application, String status, String createdFrom,
            String createdTo,
            String updatedFrom, String updatedTo, String hasAssessment, String email, String q, String externalId,
            UnaryOperator<String> phoneKey) {
        List<FieldViolation> violations = new ArrayList<>();
        LeadFilter filter = new LeadFilter(
                enumOf(Outcome.class, "outcome", outcome, violations),
                enumOf(ApplicationCode.class, "application", application, violations),
                enumOf(LeadStatus.class, "status", status, violations),
                instant("createdFrom", createdFrom, violations),
                instant("createdTo", createdTo, violations),
                instant("updatedFrom", updatedFrom, violations),
                instant("updatedTo", updatedTo, violations),
                QueryBoolean.parse("hasAssessment", hasAssessment, violations),
                emailKey(email, violations),
                search(q, phoneKey, violations),
                externalId(externalId, violations));
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return filter;
    }

    /** Where-clause conditions (ANDed) and their parameters, for native SQL on {@code lead l}. */
    void appendTo(StringBuilder where, List<Object[]> parameters) {
        if (outcome != null) {
            where.append(" and l.latest_outcome = :outcome");
            parameters.add(new Object[] { "outcome", outcome.name() });
        }
        if (application != null) {
            where.append(" and l.latest_applications @> cast(:application as jsonb)");
            parameters.add(new Object[] { "application", "[\"" + application.name() + "\"]" });
        }
        if (status != null) {
            where.append(" and l.status = :status");
            parameters.add(new Object[] { "status", status.name() });
        }
        range(where, parameters, "l.created_at", "createdFrom", createdFrom, ">=");
        range(where, parameters, "l.created_at", "createdTo", createdTo, "<");
        range(where, parameters, "l.updated_at", "updatedFrom", updatedFrom, ">=");
        range(where, parameters, "l.updated_at", "updatedTo", updatedTo, "<");
        if (hasAssessment != null) {
            where.append(" and l.has_assessment = :hasAssessment");
            parameters.add(new Object[] { "hasAssessment", hasAssessment });
        }
        if (emailKey != null) {
            where.append(" and l.email_key = :emailKey");
            parameters.add(new Object[] { "emailKey", emailKey });
        }
        if (search != null) {
            search.appendTo(where, parameters);
        }
        if (externalId != null) {
            where.append(" and l.external_ids @> cast(:externalId as jsonb)");
            parameters.add(new Object[] { "externalId", externalId });
        }
    }

    private static void range(StringBuilder where, List<Object[]> parameters, String column, String name, Instant value,
            String operator) {
        if (value != null) {
            where.append(" and ").append(column).append(' ').append(operator).append(" :").append(name);
            parameters.add(new Object[] { name, OffsetDateTime.ofInstant(value, ZoneOffset.UTC) });
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name, String value,
            List<FieldViolation> violations) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation(name, "must be one of: "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            return null;
        }
    }

    private static Instant instant(String name, String value, List<FieldViolation> violations) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(name, "must be an ISO-8601 instant such as 2026-11-23T00:00:00Z"));
            return null;
        }
    }

    /**
     * {@code system:id} (the first colon splits, so an id may hold colons) as the JSON object that the lead's
     * {@code external_ids} must contain.
     */
    private static String externalId(String value, List<FieldViolation> violations) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        int colon = value.indexOf(':');
        String system = colon < 0 ? "" : value.substring(0, colon);
        String id = colon < 0 ? "" : value.substring(colon + 1);
        if (!system.matches(LeadPatch.SYSTEM) || id.isEmpty() || id.length() > 200) {
            violations.add(new FieldViolation("externalId",
                    "must be system:id, such as hubspot:123 (a system as PATCH /leads/{id} sets it, then the id)"));
            return null;
        }
        ObjectNode match = JsonNodeFactory.instance.objectNode();
        match.put(system, id);
        return match.toString();
    }

    private static String emailKey(String email, List<FieldViolation> violations) {
        if (email == null || email.isEmpty()) {
            return null;
        }
        String key = ContactNormalizer.emailKey(email);
        if (key == null) {
            violations.add(new FieldViolation("email", "is not a valid email address"));
        }
        return key;
    }

    private static LeadSearch search(String q, UnaryOperator<String> phoneKey, List<FieldViolation> violations) {
        try {
            return LeadSearch.parse(q, phoneKey);
        } catch (ProblemException invalid) {
            violations.addAll(invalid.violations());
            return null;
        }
    }
}
