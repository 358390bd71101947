// A front end's use of the API through a client generated from openapi.yaml (openapi-typescript types, openapi-fetch
// calls), compiled with --strict by ../check: a field the contract forgets to mark required, an enum without a type,
// a boolean given as a string or a renamed field breaks this build before it breaks an app.
import createClient from "openapi-fetch";
import type { components, paths, webhooks } from "./generated/schema";

type Lead = components["schemas"]["Lead"];
type Problem = components["schemas"]["Problem"];
type Question = components["schemas"]["FormQuestion"];

const api = createClient<paths>({ baseUrl: "https://smp-clinic.example" });

/** Whether a question of the self-assessment is shown, given the answers so far. */
export function isVisible(question: Question, answers: Record<string, string | boolean | string[]>): boolean {
  const when = question.visibleWhen;
  if (when === undefined) {
    return true;
  }
  const answer = answers[when.question];
  if (when.equals !== undefined) {
    const expected: boolean = when.equals;
    return answer === expected;
  }
  const shown: string[] = when.anyOf ?? [];
  return Array.isArray(answer) ? answer.some((code) => shown.includes(code)) : shown.includes(String(answer));
}

/** The fields that refused a submission, for the form to mark. */
export function offendingFields(problem: Problem): string[] {
  return (problem.errors ?? []).map((violation) => `${violation.field}: ${violation.message}`);
}

export async function sendEnquiry(): Promise<string> {
  const { data, error, response } = await api.POST("/api/v1/enquiries", {
    params: { header: { "Idempotency-Key": "8d6f2a40-5b1e-4c8e-9f3a-2c7d1e0b4a65" } },
    body: {
      name: "Alex Morgan",
      email: "alex.morgan@example.com",
      preferredChannel: "EMAIL",
      topic: "SCAR",
      consent: { contact: true, privacyNoticeVersion: "2026-11" },
    },
  });
  if (error !== undefined) {
    throw new Error(`${response.status} ${error.title}: ${error.detail} ${offendingFields(error).join("; ")}`);
  }
  const reference: string = data.reference;
  const receivedAt: string = data.receivedAt;
  return `${reference} (received ${receivedAt})`;
}

export async function assess(): Promise<string> {
  const form = await api.GET("/api/v1/assessment-form");
  if (form.data === undefined) {
    throw new Error(form.error.detail);
  }
  const questions: Question[] = form.data.questions.filter((q) => isVisible(q, {}));
  const receipt = await api.POST("/api/v1/assessments", {
    params: { header: { "Idempotency-Key": "0b9e7c2d-4f3a-4e1b-8c6d-5a2f9e1d3c70" } },
    body: {
      formVersion: form.data.version,
      contact: { name: "Alex Morgan", email: "alex.morgan@example.com", preferredChannel: "EMAIL" },
      answers: { GOAL: "SCAR_CAMOUFLAGE", TRANSPLANT_DONE: true, CONCERNS: ["SCAR"] },
      consent: { contact: true, healthData: true, privacyNoticeVersion: "2026-11" },
    },
  });
  if (receipt.data === undefined) {
    throw new Error(receipt.error.detail);
  }
  const triage = receipt.data.triage;
  const reasons = triage.reasons.map((reason) => `${reason.ruleId}: ${reason.text}`);
  const applications = triage.applications.map((a) => `${a.application} (${a.indications.join(", ")})`);
  return `${questions.length} questions; ${triage.outcome} on ${triage.ruleset.name}: ${applications} ${reasons}`;
}

/** A CRM's poll: every lead changed since the cursor, whole, with no request per lead. */
export async function pollChanges(cursor: string): Promise<{ leads: Lead[]; next: string }> {
  const leads: Lead[] = [];
  let next = cursor;
  for (;;) {
    const page = await api.GET("/api/v1/leads/changes", { params: { query: { cursor: next, limit: 100 } } });
    if (page.data === undefined) {
      throw new Error(page.error.detail);
    }
    for (const change of page.data.items) {
      if (change.lead !== undefined) {
        leads.push(change.lead);
      }
    }
    next = page.data.nextCursor;
    if (!page.data.hasMore) {
      return { leads, next };
    }
  }
}

/** Staff's search for a person who rings the clinic, and the follow-up they record. */
export async function findAndContact(q: string): Promise<number> {
  const found = await api.GET("/api/v1/leads", { params: { query: { q, status: "NEW" } } });
  if (found.data === undefined) {
    throw new Error(found.error.detail);
  }
  for (const lead of found.data.items) {
    const version: number = lead.version;
    const name: string = lead.name;
    const done = await api.PUT("/api/v1/leads/{id}/status", {
      params: { path: { id: lead.id }, header: { "If-Match": `"${version}"` } },
      body: { status: "CONTACTED", note: "Called back" },
    });
    if (done.error !== undefined) {
      throw new Error(done.error.detail);
    }
    const outcome: string = lead.latestOutcome ?? "no self-assessment yet";
    console.log(`${name} ${lead.externalIds["hubspot"] ?? ""} ${outcome}`);
  }
  return found.data.items.length;
}

/** A receiver's handling of a pushed event: the same lead view as the feed. */
type EnquiryReceived = NonNullable<webhooks["enquiry.received"]["post"]>["requestBody"];
export function onEnquiryReceived(event: NonNullable<EnquiryReceived>["content"]["application/json"]): string {
  const lead: Lead = event.data;
  const status: components["schemas"]["LeadStatus"] = lead.status;
  return `${event.type} ${event.id} at ${event.timestamp}: ${lead.name} (${status})`;
}
