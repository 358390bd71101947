-- The staff review queue (clinic.smp.lead.ReviewQueue): triages that wait for a clinician, oldest first. A triage
-- waits when its outcome is CLINICIAN_REVIEW or one of its precautions needs a clinician (Precaution.needsClinician),
-- and it is not a staff override. The query repeats this predicate word for word, so that the planner can use the
-- index; a change to the set of precautions needs a new index (and ReviewQueueTest fails until both agree).
create index triage_result_review_idx on triage_result (evaluated_at, id)
    where kind <> 'OVERRIDE'
      and (outcome = 'CLINICIAN_REVIEW'
           or jsonb_path_exists(result, '$.precautions[*] ? (@.code == "KELOID_TENDENCY" || @.code == "KOEBNER_RISK" || @.code == "INFLAMMATORY_DISEASE_NOT_CLEARED" || @.code == "PROGRESSING_LOSS" || @.code == "ONCOLOGIST_CLEARANCE_REQUIRED")'));
