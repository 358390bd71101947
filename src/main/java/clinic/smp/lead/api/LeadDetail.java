package clinic.smp.lead.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import clinic.smp.assessment.api.AssessmentView;
import clinic.smp.enquiry.api.EnquiryView;

@Schema(name = "LeadDetail", description = "Everything about a lead: the person, enquiries, assessments with every triage, status history and consents.", requiredProperties = {
        "lead", "enquiries", "assessments", "statusHistory", "consents" })
public record LeadDetail(
        LeadView lead,
        List<EnquiryView> enquiries,
        List<AssessmentView> assessments,
        List<StatusChangeView> statusHistory,
        List<ConsentView> consents) {
}
