-- The monthly KPI packs, the organisation profile they are signed with, and the tenant list the monthly
-- job walks one organisation at a time.

-- Reporting's copy of each organisation's profile (gateway.organisation.profile-changed.v1); `version` keeps a late copy from overwriting a newer one.
CREATE TABLE "organisation_profile" (
    "organisation_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "version" INTEGER NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "organisation_profile_pkey" PRIMARY KEY ("organisation_id")
);

-- One pack per contract, month and issue (a regeneration is the next issue); the figures it shows, their
-- SHA-256 (the same events give the same hash), the PDF and the CSV.
CREATE TABLE "kpi_pack" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "issue" INTEGER NOT NULL,
    "trigger" TEXT NOT NULL,
    "figures" JSONB NOT NULL,
    "figures_sha256" TEXT NOT NULL,
    "pdf" BYTEA NOT NULL,
    "csv" TEXT NOT NULL,
    "recipients" INTEGER NOT NULL DEFAULT 0,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "kpi_pack_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "kpi_pack_issue_key" ON "kpi_pack"("organisation_id", "contract_id", "period", "issue");

DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['organisation_profile', 'kpi_pack'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY %I ON %I USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid) WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)$p$, t || '_tenant_isolation', t);
    END LOOP;
END;
$$;

-- The organisations reporting holds contracts for (ids only, readable by all, as in the other services),
-- kept by a trigger on the contract book's projection, so the monthly job can run one tenant at a time.
CREATE TABLE "tenant" (
    "organisation_id" UUID NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "tenant_pkey" PRIMARY KEY ("organisation_id")
);
CREATE FUNCTION "record_tenant"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "reporting"."tenant" ("organisation_id") VALUES (NEW."organisation_id") ON CONFLICT DO NOTHING;
    RETURN NEW;
END;
$$;
CREATE TRIGGER "contract_version_record_tenant" AFTER INSERT ON "contract_version" FOR EACH ROW EXECUTE FUNCTION "record_tenant"();
-- Backfill from the contracts already there: the owner lifts FORCE for this one statement of the migration.
ALTER TABLE "contract_version" NO FORCE ROW LEVEL SECURITY;
INSERT INTO "tenant" ("organisation_id") SELECT DISTINCT "organisation_id" FROM "contract_version" ON CONFLICT DO NOTHING;
ALTER TABLE "contract_version" FORCE ROW LEVEL SECURITY;
ALTER TABLE "tenant" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tenant" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_tenant_isolation" ON "tenant"
    USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
    WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
CREATE POLICY "tenant_directory" ON "tenant" FOR SELECT USING (true);
