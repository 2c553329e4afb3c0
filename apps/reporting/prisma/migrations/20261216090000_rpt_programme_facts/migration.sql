-- The programme outside cases (seed 002's pre-CMH pilot), kept from scheduling's events only (see
-- apps/reporting/src/programme): activities delivered, the local authorities taking part, and each
-- authority's monthly data returns (received, late or missing), for counts by authority and period.

-- An activity delivered: its type and milestone, the authority it served (as a key), and attendance.
CREATE TABLE "kpi_activity" (
    "activity_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "service_line" TEXT NOT NULL,
    "activity_type" TEXT NOT NULL,
    "milestone" TEXT,
    "delivered_at" TIMESTAMPTZ(3) NOT NULL,
    "authority_key" TEXT NOT NULL,
    "total_attendees" INTEGER NOT NULL,
    "attendance" JSONB NOT NULL,
    CONSTRAINT "kpi_activity_pkey" PRIMARY KEY ("activity_id")
);
CREATE INDEX "kpi_activity_contract_idx" ON "kpi_activity"("organisation_id", "contract_id", "delivered_at");

-- A local authority on a contract (its name: an organisation's, not a person's).
CREATE TABLE "kpi_local_authority" (
    "local_authority_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "authority_key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "onboarded_on" DATE NOT NULL,
    CONSTRAINT "kpi_local_authority_pkey" PRIMARY KEY ("local_authority_id")
);
CREATE INDEX "kpi_local_authority_contract_idx" ON "kpi_local_authority"("organisation_id", "contract_id");

-- A month's data return: received (late or not) or found missing; received after missing, it is late.
CREATE TABLE "kpi_data_return" (
    "local_authority_id" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "organisation_id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "authority_key" TEXT NOT NULL,
    "due_on" DATE NOT NULL,
    "received_on" DATE,
    "late" BOOLEAN,
    "missing_at" TIMESTAMPTZ(3),
    CONSTRAINT "kpi_data_return_pkey" PRIMARY KEY ("local_authority_id", "period")
);
CREATE INDEX "kpi_data_return_contract_idx" ON "kpi_data_return"("organisation_id", "contract_id");

DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['kpi_activity', 'kpi_local_authority', 'kpi_data_return'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY %I ON %I USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid) WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)$p$, t || '_tenant_isolation', t);
    END LOOP;
END;
$$;
