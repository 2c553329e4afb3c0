-- Case retention (#4 item 4): a closed case is anonymised its service line's dataRetentionMonths after
-- closure, unless a legal hold is set. Counts, outcomes and dates stay; every hold and anonymisation
-- is logged in case_retention_log. The retention state lives beside the case (case_retention, no row =
-- not held, not anonymised) so the case table and its code stay casework core's.
CREATE TABLE "case_retention" (
    "case_id" UUID NOT NULL REFERENCES "case"("id") ON DELETE CASCADE,
    "organisation_id" UUID NOT NULL,
    "legal_hold" BOOLEAN NOT NULL DEFAULT false,
    "legal_hold_reason" TEXT,
    "anonymised_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "case_retention_pkey" PRIMARY KEY ("case_id")
);
CREATE INDEX "case_retention_organisation_id_idx" ON "case_retention"("organisation_id");
-- The daily job looks for closed cases per tenant, oldest closure first.
CREATE INDEX "case_closed_idx" ON "case"("organisation_id", "closed_at") WHERE "closed_at" IS NOT NULL;

CREATE TABLE "case_retention_log" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL REFERENCES "case"("id") ON DELETE CASCADE,
    -- legal-hold-set, legal-hold-released or anonymised
    "action" TEXT NOT NULL,
    "reason" TEXT,
    "actor_id" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "case_retention_log_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "case_retention_log_case_id_idx" ON "case_retention_log"("case_id", "occurred_at");
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['case_retention', 'case_retention_log'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY %I ON %I USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid) WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)$p$, t || '_tenant_isolation', t);
    END LOOP;
END;
$$;

-- The organisations casework holds cases for, so the daily retention job can run one tenant at a time
-- under row-level security rather than through a function that bypasses it. It holds no personal
-- data, so it is outside the policy; a trigger keeps it complete as cases open.
CREATE TABLE "tenant" (
    "organisation_id" UUID NOT NULL,
    "first_case_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "tenant_pkey" PRIMARY KEY ("organisation_id")
);
CREATE FUNCTION "record_tenant"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "casework"."tenant" ("organisation_id") VALUES (NEW."organisation_id") ON CONFLICT DO NOTHING;
    RETURN NEW;
END;
$$;
CREATE TRIGGER "case_record_tenant" AFTER INSERT ON "case" FOR EACH ROW EXECUTE FUNCTION "record_tenant"();
-- Backfill from the cases already there: the owner lifts FORCE for this one statement of the migration.
ALTER TABLE "case" NO FORCE ROW LEVEL SECURITY;
INSERT INTO "tenant" ("organisation_id") SELECT DISTINCT "organisation_id" FROM "case" ON CONFLICT DO NOTHING;
ALTER TABLE "case" FORCE ROW LEVEL SECURITY;

GRANT SELECT, INSERT, UPDATE, DELETE ON "case_retention", "case_retention_log", "tenant" TO mediation_app;
