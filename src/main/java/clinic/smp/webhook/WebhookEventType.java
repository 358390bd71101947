package clinic.smp.webhook;

import java.util.Arrays;
import java.util.Optional;

import clinic.smp.lead.LeadChangeKind;

/**
 * The events a subscription can ask for. Each but {@link #TEST} is a kind of change in the lead change feed, which is
 * the outbox: the change's row is written in the transaction that makes the change.
 */
public enum WebhookEventType {
    ENQUIRY_RECEIVED("enquiry.received", LeadChangeKind.ENQUIRY_RECEIVED,
            "A person sent an enquiry (a new lead, or a known person again)."),
    ASSESSMENT_TRIAGED("assessment.triaged", LeadChangeKind.ASSESSMENT_RECEIVED,
            "A person sent a self-assessment and it was triaged: `data.latestTriage` holds the result."),
    LEAD_STATUS_CHANGED("lead.status_changed", LeadChangeKind.STATUS_CHANGED,
            "Staff or a CRM moved the lead to another follow-up status."),
    LEAD_TRIAGE_OVERRIDDEN("lead.triage_overridden", LeadChangeKind.TRIAGE_OVERRIDDEN,
            "Staff replaced the triage outcome with their own decision."),
    LEAD_TRIAGE_RERUN("lead.triage_rerun", LeadChangeKind.TRIAGE_RERUN,
            "Staff evaluated the latest assessment again on the current ruleset."),
    LEAD_UPDATED("lead.updated", LeadChangeKind.DETAILS_CHANGED,
            "A CRM or staff changed the person's details: the display name, given or family name, or external ids."),
    LEAD_CONSENT_WITHDRAWN("lead.consent_withdrawn", LeadChangeKind.CONSENT_WITHDRAWN,
            "The person withdrew a consent (e.g. marketing): `data.marketingConsent` is now false."),
    LEAD_ERASED("lead.erased", LeadChangeKind.ERASED,
            "The person's data was erased: `data` holds the lead id only. Delete your copy."),
    TEST("webhook.test", null, "Sent on request by staff, to check a receiver. Never sent otherwise.");

    private final String wireName;
    private final LeadChangeKind change;
    private final String description;

    WebhookEventType(String wireName, LeadChangeKind change, String description) {
        this.wireName = wireName;
        this.change = change;
        this.description = description;
    }

    /** The name on the wire, e.g. {@code assessment.triaged}. */
    public String wireName() {
        return wireName;
    }

    public String description() {
        return description;
    }

    /** The event a change of the feed causes; none for changes that are not events (the feed's backfill). */
    public static Optional<WebhookEventType> of(LeadChangeKind change) {
        return Arrays.stream(values()).filter(t -> t.change == change && change != null).findFirst();
    }

    public static Optional<WebhookEventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
