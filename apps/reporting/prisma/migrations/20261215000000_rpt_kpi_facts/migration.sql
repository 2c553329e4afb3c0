-- The KPI read model: one row per fact about a case, kept from events only (see apps/reporting/src/facts).
-- Each table is written by one kind of event, and the columns a later event fills are updated in place, so
-- events of different types may arrive in any order and still give the same figures.

-- The contract book's projection (libs/contract-book): the KPIs each contract version declares.
CREATE TABLE "contract_version" (
    "contract_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "organisation_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "template" TEXT,
    "definition" JSONB NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "contract_version_pkey" PRIMARY KEY ("contract_id", "version")
);
CREATE INDEX "contract_version_organisation_id_idx" ON "contract_version"("organisation_id");

-- A case as opened: which contract version and service line it runs under. The reference is the referral's, never a name.
CREATE TABLE "kpi_case" (
    "case_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "contract_version" INTEGER,
    "service_line" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "kpi_case_pkey" PRIMARY KEY ("case_id")
);
CREATE INDEX "kpi_case_contract_idx" ON "kpi_case"("organisation_id", "contract_id");

-- Every closure (a case reopened and closed again has two), with its outcome.
CREATE TABLE "kpi_closure" (
    "case_id" UUID NOT NULL,
    "closed_at" TIMESTAMPTZ(3) NOT NULL,
    "organisation_id" UUID NOT NULL,
    "outcome" TEXT NOT NULL,
    "outcome_expected" BOOLEAN NOT NULL,
    CONSTRAINT "kpi_closure_pkey" PRIMARY KEY ("case_id", "closed_at")
);

-- Every reopening, with the closure it undid.
CREATE TABLE "kpi_reopening" (
    "case_id" UUID NOT NULL,
    "reopened_at" TIMESTAMPTZ(3) NOT NULL,
    "organisation_id" UUID NOT NULL,
    "previously_closed_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "kpi_reopening_pkey" PRIMARY KEY ("case_id", "reopened_at")
);

-- A case ended without an outcome (withdrawn, rejected).
CREATE TABLE "kpi_case_end" (
    "case_id" UUID NOT NULL,
    "ended_at" TIMESTAMPTZ(3) NOT NULL,
    "organisation_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    CONSTRAINT "kpi_case_end_pkey" PRIMARY KEY ("case_id", "ended_at")
);

-- A deadline: when it is due (from the event with the highest sequence) and what became of it.
CREATE TABLE "kpi_deadline" (
    "deadline_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "rule" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3),
    "due_sequence" INTEGER NOT NULL DEFAULT 0,
    "met_at" TIMESTAMPTZ(3),
    "met_late" BOOLEAN,
    "breached_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "corrected_to" TEXT,
    CONSTRAINT "kpi_deadline_pkey" PRIMARY KEY ("deadline_id")
);
CREATE INDEX "kpi_deadline_case_idx" ON "kpi_deadline"("case_id");

-- A period of multi-agency involvement (London days; `to_day` null while ongoing).
CREATE TABLE "kpi_multi_agency" (
    "involvement_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "from_day" DATE NOT NULL,
    "to_day" DATE,
    CONSTRAINT "kpi_multi_agency_pkey" PRIMARY KEY ("involvement_id")
);
CREATE INDEX "kpi_multi_agency_case_idx" ON "kpi_multi_agency"("case_id");

-- Milestones reached (contact made, sessions held, workshops delivered, data returns received...), one row per event.
CREATE TABLE "kpi_milestone" (
    "event_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "milestone" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "kpi_milestone_pkey" PRIMARY KEY ("event_id")
);
CREATE INDEX "kpi_milestone_case_idx" ON "kpi_milestone"("case_id");

-- Survey answers: scores and yes/no answers only (free text stays in casework).
CREATE TABLE "kpi_survey_answer" (
    "invitation_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "answered_at" TIMESTAMPTZ(3) NOT NULL,
    "scores" JSONB NOT NULL,
    "flags" JSONB NOT NULL,
    CONSTRAINT "kpi_survey_answer_pkey" PRIMARY KEY ("invitation_id")
);
CREATE INDEX "kpi_survey_answer_case_idx" ON "kpi_survey_answer"("case_id");

DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['contract_version', 'kpi_case', 'kpi_closure', 'kpi_reopening', 'kpi_case_end', 'kpi_deadline', 'kpi_multi_agency', 'kpi_milestone', 'kpi_survey_answer'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY %I ON %I USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid) WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)$p$, t || '_tenant_isolation', t);
    END LOOP;
END;
$$;
