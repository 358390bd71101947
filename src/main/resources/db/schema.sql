-- The schema after every migration in db/migration, as PostgreSQL 15's pg_dump --schema-only prints it
-- (Flyway's history table left out). Generated: do not edit. SchemaFileTest checks it; refresh it with
--   ./mvnw test -Dtest=SchemaFileTest -Dschema.update=true

--
-- PostgreSQL database dump
--

--
-- Name: intake_first_contact(bigint, bigint); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.intake_first_contact(claims bigint, new_leads bigint) RETURNS void
    LANGUAGE plpgsql
    AS $$
begin
    if claims = 0 then
        raise exception 'the idempotency key of this first-contact submission is taken' using errcode = 'SMP02';
    end if;
    if new_leads = 0 then
        raise exception 'the person of this first-contact submission already has a lead' using errcode = 'SMP01';
    end if;
end $$;

--
-- Name: api_key; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_key (
    id uuid NOT NULL,
    name character varying(100) NOT NULL,
    prefix character varying(16) NOT NULL,
    secret_hash character(64) NOT NULL,
    roles character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by character varying(120) NOT NULL,
    revoked_at timestamp with time zone
);

--
-- Name: assessment; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.assessment (
    id uuid NOT NULL,
    reference character varying(16) NOT NULL,
    lead_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    email character varying(254),
    phone character varying(20),
    preferred_channel character varying(16) NOT NULL,
    form_version character varying(32) NOT NULL,
    answers jsonb NOT NULL,
    locale character varying(35) NOT NULL,
    privacy_notice_version character varying(64) NOT NULL,
    marketing_consent boolean NOT NULL,
    utm_source character varying(200),
    utm_medium character varying(200),
    utm_campaign character varying(200),
    utm_term character varying(200),
    utm_content character varying(200),
    referrer character varying(2048),
    landing_page character varying(2048),
    received_at timestamp with time zone NOT NULL
);

--
-- Name: consent_record; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.consent_record (
    id uuid NOT NULL,
    lead_id uuid NOT NULL,
    purpose character varying(20) NOT NULL,
    granted boolean NOT NULL,
    notice_version character varying(64) NOT NULL,
    source_type character varying(20) NOT NULL,
    source_id uuid,
    recorded_at timestamp with time zone NOT NULL,
    recorded_by character varying(120),
    notice_hash character(64),
    source_ip character varying(64),
    user_agent character varying(512)
);

--
-- Name: enquiry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.enquiry (
    id uuid NOT NULL,
    reference character varying(16) NOT NULL,
    lead_id uuid NOT NULL,
    name character varying(200) NOT NULL,
    email character varying(254),
    phone character varying(20),
    preferred_channel character varying(16) NOT NULL,
    topic character varying(32) NOT NULL,
    message character varying(4000),
    locale character varying(35) NOT NULL,
    privacy_notice_version character varying(64) NOT NULL,
    marketing_consent boolean NOT NULL,
    utm_source character varying(200),
    utm_medium character varying(200),
    utm_campaign character varying(200),
    utm_term character varying(200),
    utm_content character varying(200),
    referrer character varying(2048),
    landing_page character varying(2048),
    received_at timestamp with time zone NOT NULL
);

--
-- Name: human_reference_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.human_reference_seq
    START WITH 1
    INCREMENT BY 50
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

--
-- Name: idempotency_record; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.idempotency_record (
    scope character varying(40) NOT NULL,
    idem_key character varying(255) NOT NULL,
    request_hash character(64) NOT NULL,
    response_status integer,
    response_location character varying(2048),
    response_body text,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL
)
WITH (toast_tuple_target='8160');

--
-- Name: lead; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.lead (
    id uuid NOT NULL,
    name character varying(200) NOT NULL,
    email character varying(254),
    email_key character varying(254),
    phone character varying(20),
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version bigint DEFAULT 0 NOT NULL,
    status character varying(24) DEFAULT 'NEW'::character varying NOT NULL,
    latest_outcome character varying(20),
    latest_applications jsonb DEFAULT '[]'::jsonb NOT NULL,
    has_assessment boolean DEFAULT false NOT NULL,
    marketing_consent boolean DEFAULT false NOT NULL,
    given_name character varying(100),
    family_name character varying(100),
    external_ids jsonb DEFAULT '{}'::jsonb NOT NULL,
    CONSTRAINT lead_has_contact CHECK (((email_key IS NOT NULL) OR (phone IS NOT NULL)))
);

--
-- Name: lead_change; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.lead_change (
    id bigint NOT NULL,
    txid bigint DEFAULT ((pg_current_xact_id())::text)::bigint NOT NULL,
    lead_id uuid NOT NULL,
    change character varying(32) NOT NULL,
    changed_at timestamp with time zone NOT NULL
);

--
-- Name: lead_change_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.lead_change ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.lead_change_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: lead_erasure; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.lead_erasure (
    lead_id uuid NOT NULL,
    erased_at timestamp with time zone NOT NULL,
    erased_by character varying(120) NOT NULL,
    reason character varying(32) NOT NULL
);

--
-- Name: lead_status_change; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.lead_status_change (
    id uuid NOT NULL,
    lead_id uuid NOT NULL,
    from_status character varying(24) NOT NULL,
    to_status character varying(24) NOT NULL,
    note character varying(1000),
    changed_at timestamp with time zone NOT NULL,
    changed_by character varying(120) NOT NULL
);

--
-- Name: quarantined_submission; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.quarantined_submission (
    id uuid NOT NULL,
    kind character varying(16) NOT NULL,
    reference character varying(16) NOT NULL,
    body jsonb NOT NULL,
    received_at timestamp with time zone NOT NULL,
    email_key character varying(254),
    phone_key character varying(20)
);

--
-- Name: rate_limit; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.rate_limit (
    id text NOT NULL,
    tat bigint NOT NULL
);

--
-- Name: TABLE rate_limit; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TABLE public.rate_limit IS 'Rate-limit buckets of the public forms; holds hashed client addresses only, no submitted data';

--
-- Name: COLUMN rate_limit.tat; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON COLUMN public.rate_limit.tat IS 'Theoretical arrival time, microseconds since the epoch: the bucket admits a request while this stays within one period of now, and is full again once it is in the past';

--
-- Name: triage_result; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.triage_result (
    id uuid NOT NULL,
    assessment_id uuid NOT NULL,
    lead_id uuid NOT NULL,
    kind character varying(16) NOT NULL,
    outcome character varying(20) NOT NULL,
    applications jsonb NOT NULL,
    earliest_treatment_date date,
    ruleset_name character varying(64) NOT NULL,
    ruleset_fingerprint character(64) NOT NULL,
    evaluated_on date NOT NULL,
    evaluated_at timestamp with time zone NOT NULL,
    profile jsonb NOT NULL,
    result jsonb NOT NULL,
    decided_by character varying(120),
    override_reason character varying(1000)
)
WITH (toast_tuple_target='8160');

--
-- Name: triage_statistic; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.triage_statistic (
    id bigint NOT NULL,
    kind character varying(16) NOT NULL,
    outcome character varying(20) NOT NULL,
    applications jsonb NOT NULL,
    ruleset_fingerprint character(64) NOT NULL,
    evaluated_month date NOT NULL
);

--
-- Name: triage_statistic_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.triage_statistic ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.triage_statistic_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: webhook_attempt; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.webhook_attempt (
    id bigint NOT NULL,
    delivery_id uuid NOT NULL,
    attempted_at timestamp with time zone NOT NULL,
    status_code integer,
    latency_ms bigint NOT NULL,
    error character varying(300),
    response_excerpt character varying(1024)
);

--
-- Name: webhook_attempt_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.webhook_attempt ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.webhook_attempt_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

--
-- Name: webhook_delivery; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.webhook_delivery (
    id uuid NOT NULL,
    subscription_id uuid NOT NULL,
    event_id character varying(64) NOT NULL,
    event_type character varying(40) NOT NULL,
    lead_id uuid,
    payload text,
    state character varying(12) NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    next_attempt_at timestamp with time zone,
    last_status integer,
    created_at timestamp with time zone NOT NULL,
    finished_at timestamp with time zone,
    CONSTRAINT webhook_delivery_state_check CHECK (((state)::text = ANY ((ARRAY['PENDING'::character varying, 'DELIVERED'::character varying, 'FAILED'::character varying])::text[])))
);

--
-- Name: webhook_subscription; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.webhook_subscription (
    id uuid NOT NULL,
    url character varying(2048) NOT NULL,
    event_types character varying(400) NOT NULL,
    description character varying(500),
    enabled boolean NOT NULL,
    disabled_reason character varying(500),
    disabled_at timestamp with time zone,
    secret character varying(100) NOT NULL,
    previous_secret character varying(100),
    previous_secret_expires_at timestamp with time zone,
    feed_txid bigint NOT NULL,
    feed_change_id bigint NOT NULL,
    consecutive_failures integer DEFAULT 0 NOT NULL,
    failing_since timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    created_by character varying(120) NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version bigint DEFAULT 0 NOT NULL,
    lease_token uuid,
    lease_until timestamp with time zone
);

--
-- Name: api_key api_key_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_key
    ADD CONSTRAINT api_key_pkey PRIMARY KEY (id);

--
-- Name: api_key api_key_prefix_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_key
    ADD CONSTRAINT api_key_prefix_unique UNIQUE (prefix);

--
-- Name: assessment assessment_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessment
    ADD CONSTRAINT assessment_pkey PRIMARY KEY (id);

--
-- Name: assessment assessment_reference_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessment
    ADD CONSTRAINT assessment_reference_unique UNIQUE (reference);

--
-- Name: consent_record consent_record_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consent_record
    ADD CONSTRAINT consent_record_pkey PRIMARY KEY (id);

--
-- Name: enquiry enquiry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.enquiry
    ADD CONSTRAINT enquiry_pkey PRIMARY KEY (id);

--
-- Name: enquiry enquiry_reference_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.enquiry
    ADD CONSTRAINT enquiry_reference_unique UNIQUE (reference);

--
-- Name: idempotency_record idempotency_record_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.idempotency_record
    ADD CONSTRAINT idempotency_record_pkey PRIMARY KEY (scope, idem_key);

--
-- Name: lead_change lead_change_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lead_change
    ADD CONSTRAINT lead_change_pkey PRIMARY KEY (id);

--
-- Name: lead lead_email_key_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lead
    ADD CONSTRAINT lead_email_key_unique UNIQUE (email_key);

--
-- Name: lead_erasure lead_erasure_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lead_erasure
    ADD CONSTRAINT lead_erasure_pkey PRIMARY KEY (lead_id);

--
-- Name: lead lead_phone_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lead
    ADD CONSTRAINT lead_phone_unique UNIQUE (phone);

--
-- Name: lead lead_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lead
    ADD CONSTRAINT lead_pkey PRIMARY KEY (id);

--
-- Name: lead_status_change lead_status_change_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lead_status_change
    ADD CONSTRAINT lead_status_change_pkey PRIMARY KEY (id);

--
-- Name: quarantined_submission quarantined_submission_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.quarantined_submission
    ADD CONSTRAINT quarantined_submission_pkey PRIMARY KEY (id);

--
-- Name: rate_limit rate_limit_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.rate_limit
    ADD CONSTRAINT rate_limit_pkey PRIMARY KEY (id);

--
-- Name: triage_result triage_result_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.triage_result
    ADD CONSTRAINT triage_result_pkey PRIMARY KEY (id);

--
-- Name: triage_statistic triage_statistic_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.triage_statistic
    ADD CONSTRAINT triage_statistic_pkey PRIMARY KEY (id);

--
-- Name: webhook_attempt webhook_attempt_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_attempt
    ADD CONSTRAINT webhook_attempt_pkey PRIMARY KEY (id);

--
-- Name: webhook_delivery webhook_delivery_event_once; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_delivery
    ADD CONSTRAINT webhook_delivery_event_once UNIQUE (subscription_id, event_id);

--
-- Name: webhook_delivery webhook_delivery_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_delivery
    ADD CONSTRAINT webhook_delivery_pkey PRIMARY KEY (id);

--
-- Name: webhook_subscription webhook_subscription_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_subscription
    ADD CONSTRAINT webhook_subscription_pkey PRIMARY KEY (id);

--
-- Name: assessment_lead_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX assessment_lead_idx ON public.assessment USING btree (lead_id);

--
-- Name: consent_record_lead_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX consent_record_lead_idx ON public.consent_record USING btree (lead_id);

--
-- Name: enquiry_lead_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX enquiry_lead_idx ON public.enquiry USING btree (lead_id);

--
-- Name: idempotency_record_expiry_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idempotency_record_expiry_idx ON public.idempotency_record USING btree (expires_at);

--
-- Name: lead_change_feed_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX lead_change_feed_idx ON public.lead_change USING btree (txid, id);

--
-- Name: lead_created_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX lead_created_idx ON public.lead USING btree (created_at DESC, id DESC);

--
-- Name: lead_external_ids_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX lead_external_ids_idx ON public.lead USING gin (external_ids jsonb_path_ops);

--
-- Name: lead_name_prefix_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX lead_name_prefix_idx ON public.lead USING btree (lower((name)::text) text_pattern_ops);

--
-- Name: lead_outcome_created_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX lead_outcome_created_idx ON public.lead USING btree (latest_outcome, created_at DESC, id DESC);

--
-- Name: lead_status_change_lead_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX lead_status_change_lead_idx ON public.lead_status_change USING btree (lead_id, changed_at);

--
-- Name: lead_status_created_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX lead_status_created_idx ON public.lead USING btree (status, created_at DESC, id DESC);

--
-- Name: lead_status_outcome_created_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX lead_status_outcome_created_idx ON public.lead USING btree (status, latest_outcome, created_at DESC, id DESC);

--
-- Name: quarantined_submission_email_key_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX quarantined_submission_email_key_idx ON public.quarantined_submission USING btree (lower((email_key)::text));

--
-- Name: quarantined_submission_phone_key_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX quarantined_submission_phone_key_idx ON public.quarantined_submission USING btree (phone_key);

--
-- Name: quarantined_submission_received_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX quarantined_submission_received_idx ON public.quarantined_submission USING btree (received_at);

--
-- Name: triage_result_assessment_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX triage_result_assessment_idx ON public.triage_result USING btree (assessment_id, evaluated_at);

--
-- Name: triage_result_lead_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX triage_result_lead_idx ON public.triage_result USING btree (lead_id);

--
-- Name: triage_result_review_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX triage_result_review_idx ON public.triage_result USING btree (evaluated_at, id) WHERE (((kind)::text <> 'OVERRIDE'::text) AND (((outcome)::text = 'CLINICIAN_REVIEW'::text) OR jsonb_path_exists(result, '$."precautions"[*]?((((@."code" == "KELOID_TENDENCY" || @."code" == "KOEBNER_RISK") || @."code" == "INFLAMMATORY_DISEASE_NOT_CLEARED") || @."code" == "PROGRESSING_LOSS") || @."code" == "ONCOLOGIST_CLEARANCE_REQUIRED")'::jsonpath)));

--
-- Name: webhook_attempt_delivery_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX webhook_attempt_delivery_idx ON public.webhook_attempt USING btree (delivery_id, attempted_at);

--
-- Name: webhook_delivery_due_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX webhook_delivery_due_idx ON public.webhook_delivery USING btree (next_attempt_at) WHERE ((state)::text = 'PENDING'::text);

--
-- Name: webhook_delivery_kept_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX webhook_delivery_kept_idx ON public.webhook_delivery USING btree (finished_at) WHERE (payload IS NOT NULL);

--
-- Name: webhook_delivery_lead_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX webhook_delivery_lead_idx ON public.webhook_delivery USING btree (lead_id) WHERE (lead_id IS NOT NULL);

--
-- Name: webhook_delivery_log_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX webhook_delivery_log_idx ON public.webhook_delivery USING btree (subscription_id, created_at DESC, id DESC);

--
-- Name: assessment assessment_lead_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.assessment
    ADD CONSTRAINT assessment_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES public.lead(id);

--
-- Name: consent_record consent_record_lead_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.consent_record
    ADD CONSTRAINT consent_record_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES public.lead(id);

--
-- Name: enquiry enquiry_lead_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.enquiry
    ADD CONSTRAINT enquiry_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES public.lead(id);

--
-- Name: lead_status_change lead_status_change_lead_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.lead_status_change
    ADD CONSTRAINT lead_status_change_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES public.lead(id);

--
-- Name: triage_result triage_result_assessment_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.triage_result
    ADD CONSTRAINT triage_result_assessment_id_fkey FOREIGN KEY (assessment_id) REFERENCES public.assessment(id);

--
-- Name: triage_result triage_result_lead_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.triage_result
    ADD CONSTRAINT triage_result_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES public.lead(id);

--
-- Name: webhook_attempt webhook_attempt_delivery_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_attempt
    ADD CONSTRAINT webhook_attempt_delivery_id_fkey FOREIGN KEY (delivery_id) REFERENCES public.webhook_delivery(id) ON DELETE CASCADE;

--
-- Name: webhook_delivery webhook_delivery_subscription_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.webhook_delivery
    ADD CONSTRAINT webhook_delivery_subscription_id_fkey FOREIGN KEY (subscription_id) REFERENCES public.webhook_subscription(id) ON DELETE CASCADE;

--
-- PostgreSQL database dump complete
--
