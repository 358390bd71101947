package clinic.smp.lead.api;

import java.util.function.UnaryOperator;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import clinic.smp.lead.LeadFilter;

/**
 * The lead filters as query parameters, shared by the list and the export. Read as text, validated in one place. They
 * carry no example values: Swagger UI would prefill them in "Try it out", and the list would come back filtered.
 */
public class LeadFilterParams {

    @Parameter(description = "Outcome of the latest triage.", schema = @Schema(enumeration = { "SUITABLE",
            "SUITABLE_LATER", "CLINICIAN_REVIEW", "NOT_SUITABLE" }))
    @QueryParam("outcome")
    public String outcome;

    @Parameter(description = "An application of the latest triage.", schema = @Schema(enumeration = { "SKIN_DISEASE",
            "HAIR_LOSS", "TRANSPLANT_DENSITY", "SCAR_REVISION" }))
    @QueryParam("application")
    public String application;

    @Parameter(description = "Follow-up status.", schema = @Schema(enumeration = { "NEW", "CONTACTED",
            "CONSULTATION_BOOKED", "TREATED", "CLOSED_LOST" }))
    @QueryParam("status")
    public String status;

    @Parameter(description = "Created at or after (ISO-8601, e.g. 2026-11-01T00:00:00Z).")
    @QueryParam("createdFrom")
    public String createdFrom;

    @Parameter(description = "Created before (ISO-8601, e.g. 2026-12-01T00:00:00Z).")
    @QueryParam("createdTo")
    public String createdTo;

    @Parameter(description = "Last changed at or after (ISO-8601).")
    @QueryParam("updatedFrom")
    public String updatedFrom;

    @Parameter(description = "Last changed before (ISO-8601).")
    @QueryParam("updatedTo")
    public String updatedTo;

    @Parameter(description = "Only leads with (true) or without (false) a self-assessment.", schema = @Schema(type = SchemaType.BOOLEAN))
    @QueryParam("hasAssessment")
    public String hasAssessment;

    @Parameter(description = "The lead of this email address, matched as intake matches a returning person: "
            + "NFC, case-insensitive, an internationalised domain in either form "
            + "(bücher.example or xn--bcher-kva.example).")
    @QueryParam("email")
    public String email;

    @Parameter(description = "Find a person by what they give on the phone: an email address, a reference "
            + "(E-7KQM-3WTD in any case, dashes optional), a phone number in any common format (normalised as intake "
            + "normalises it: 07400 123456, +44 7400 123456 and 0044 7400-123456 are one number), or else the start of "
            + "their name (2 characters or more, any case).")
    @QueryParam("q")
    public String q;

    @Parameter(description = "The lead that carries this id of another system, as system:id (hubspot:123); a CRM sets "
            + "its ids with PATCH /api/v1/leads/{id}.")
    @QueryParam("externalId")
    public String externalId;

    /** @param phoneKey intake's phone normaliser, which {@code q} uses */
    public LeadFilter toFilter(UnaryOperator<String> phoneKey) {
        return LeadFilter.parse(outcome, application, status, createdFrom, createdTo, updatedFrom, updatedTo,
                hasAssessment, email, q, externalId, phoneKey);
    }
}
