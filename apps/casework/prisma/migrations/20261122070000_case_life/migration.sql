-- The life of a case: what the referral brought, the workflow's status history, the people on it and
-- everything done on it. Every table holding personal data sits behind the same tenant wall as "case".

ALTER TABLE "case" ADD COLUMN "received_at" TIMESTAMPTZ(3);
ALTER TABLE "case" ADD COLUMN "clock_starts_at" TIMESTAMPTZ(3);
ALTER TABLE "case" ADD COLUMN "external_reference" TEXT;
ALTER TABLE "case" ADD COLUMN "referrer" JSONB;
ALTER TABLE "case" ADD COLUMN "dates" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "case" ADD COLUMN "outcome" TEXT;
ALTER TABLE "case" ADD COLUMN "closed_at" TIMESTAMPTZ(3);
ALTER TABLE "case" ADD COLUMN "times_reopened" INTEGER NOT NULL DEFAULT 0;
CREATE INDEX "case_organisation_id_status_idx" ON "case"("organisation_id", "status");
CREATE INDEX "case_organisation_id_external_reference_idx" ON "case"("organisation_id", "external_reference");

-- Casework's own copy of each published contract version (from intake.contract.published.v2).
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

-- A later referral of the same matter, linked to the open case instead of opening another.
CREATE TABLE "case_referral" (
    "organisation_id" UUID NOT NULL,
    "referral_id" UUID NOT NULL,
    "case_id" UUID NOT NULL REFERENCES "case"("id") ON DELETE CASCADE,
    "reference" TEXT NOT NULL,
    "linked_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "case_referral_pkey" PRIMARY KEY ("organisation_id", "referral_id")
);
CREATE INDEX "case_referral_case_id_idx" ON "case_referral"("case_id");

CREATE TABLE "case_status_change" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL REFERENCES "case"("id") ON DELETE CASCADE,
    "from_status" TEXT NOT NULL,
    "to_status" TEXT NOT NULL,
    "reason" TEXT,
    "outcome" TEXT,
    "counts_as_reopened" BOOLEAN,
    "actor_id" TEXT NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "case_status_change_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "case_status_change_case_id_idx" ON "case_status_change"("case_id", "changed_at");

CREATE TABLE "party" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL REFERENCES "case"("id") ON DELETE CASCADE,
    "role" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "address" TEXT,
    "contact_preferences" JSONB,
    -- special-category: sealed by FieldCipher (AES-256-GCM, context casework.party:<id>)
    "accessibility_needs_sealed" TEXT,
    "interpreter_language" TEXT,
    "source" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "party_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "party_case_id_idx" ON "party"("case_id");

CREATE TABLE "assignment" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL REFERENCES "case"("id") ON DELETE CASCADE,
    "staff_id" UUID NOT NULL,
    "role" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "assigned_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    CONSTRAINT "assignment_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "assignment_case_id_idx" ON "assignment"("case_id");
CREATE INDEX "assignment_organisation_id_staff_id_idx" ON "assignment"("organisation_id", "staff_id") WHERE "ended_at" IS NULL;
-- One current assignment per person and role on a case.
CREATE UNIQUE INDEX "assignment_current_key" ON "assignment"("case_id", "staff_id", "role") WHERE "ended_at" IS NULL;

CREATE TABLE "note" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL REFERENCES "case"("id") ON DELETE CASCADE,
    "sensitive" BOOLEAN NOT NULL,
    -- plain text, or for a sensitive note the FieldCipher sealed text (context casework.note:<id>)
    "body" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "note_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "note_case_id_idx" ON "note"("case_id", "created_at");

CREATE TABLE "task" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL REFERENCES "case"("id") ON DELETE CASCADE,
    "title" TEXT NOT NULL,
    "due_on" DATE NOT NULL,
    "assignee_staff_id" UUID,
    "completed_at" TIMESTAMPTZ(3),
    "completed_by" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "task_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "task_case_id_idx" ON "task"("case_id", "due_on");

CREATE TABLE "risk_assessment" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL REFERENCES "case"("id") ON DELETE CASCADE,
    "level" TEXT NOT NULL,
    "factors" JSONB NOT NULL,
    "measures" TEXT,
    "review_on" DATE NOT NULL,
    "assessed_by" TEXT NOT NULL,
    "assessed_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "risk_assessment_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "risk_assessment_case_id_idx" ON "risk_assessment"("case_id", "assessed_at");

CREATE TABLE "multi_agency_involvement" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL REFERENCES "case"("id") ON DELETE CASCADE,
    "agencies" JSONB NOT NULL,
    "from_date" DATE NOT NULL,
    "to_date" DATE,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "multi_agency_involvement_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "multi_agency_involvement_case_id_idx" ON "multi_agency_involvement"("case_id");

-- The contract's audit record of communications (housing spec §10.1): rows are only ever added.
CREATE TABLE "communication" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL REFERENCES "case"("id") ON DELETE CASCADE,
    "direction" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "counterpart" TEXT NOT NULL,
    "party_id" UUID,
    "subject" TEXT,
    "summary" TEXT,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "source" TEXT NOT NULL,
    "delivery_id" UUID,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "communication_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "communication_case_id_idx" ON "communication"("case_id", "occurred_at");
CREATE UNIQUE INDEX "communication_delivery_id_key" ON "communication"("organisation_id", "delivery_id");
-- Append-only: an entry cannot be changed or removed, except by the retention job's anonymisation,
-- which says so for its transaction (SET LOCAL app.retention = 'on').
CREATE FUNCTION "communication_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('app.retention', true) = 'on' THEN
        RETURN COALESCE(NEW, OLD);
    END IF;
    RAISE EXCEPTION 'the communications log is append-only (%.%)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "communication_append_only" BEFORE UPDATE OR DELETE ON "communication" FOR EACH ROW EXECUTE FUNCTION "communication_append_only"();

CREATE TABLE "complaint" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL REFERENCES "case"("id") ON DELETE CASCADE,
    "status" TEXT NOT NULL,
    "complainant" TEXT NOT NULL,
    "party_id" UUID,
    "summary" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "acknowledged_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "finding" TEXT,
    "resolution" TEXT,
    "recorded_by" TEXT NOT NULL,
    CONSTRAINT "complaint_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "complaint_case_id_idx" ON "complaint"("case_id");

CREATE TABLE "milestone" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL REFERENCES "case"("id") ON DELETE CASCADE,
    "milestone" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    "source" TEXT NOT NULL,
    CONSTRAINT "milestone_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "milestone_case_id_idx" ON "milestone"("case_id", "occurred_at");

CREATE TABLE "certificate" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL REFERENCES "case"("id") ON DELETE CASCADE,
    "kind" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "certificate_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "certificate_case_id_idx" ON "certificate"("case_id");

-- The second wall between tenants on every table above, as on "case" (fails closed with no tenant set).
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['contract_version', 'case_referral', 'case_status_change', 'party', 'assignment', 'note', 'task', 'risk_assessment', 'multi_agency_involvement', 'communication', 'complaint', 'milestone', 'certificate'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY %I ON %I USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid) WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)$p$, t || '_tenant_isolation', t);
    END LOOP;
END;
$$;
