-- The organisations intake holds contracts for, so the jobs that cover every tenant (retention, answer
-- sealing) can list them once contracts sit behind the wall. It holds nothing but the ids; a trigger
-- keeps it complete as contracts are created.
CREATE TABLE "tenant" (
    "organisation_id" UUID NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "tenant_pkey" PRIMARY KEY ("organisation_id")
);
CREATE FUNCTION "record_tenant"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "intake"."tenant" ("organisation_id") VALUES (NEW."organisation_id") ON CONFLICT DO NOTHING;
    RETURN NEW;
END;
$$;
CREATE TRIGGER "contract_record_tenant" AFTER INSERT ON "contract" FOR EACH ROW EXECUTE FUNCTION "record_tenant"();
-- Backfilled before the wall goes up on contract.
INSERT INTO "tenant" ("organisation_id") SELECT DISTINCT "organisation_id" FROM "contract" ON CONFLICT DO NOTHING;
GRANT SELECT, INSERT ON "tenant" TO mediation_app;

-- The tenant wall on contracts and their versions (a provider's contracts are its own business), and
-- on the tenant list itself for writes; anyone may read the list, which is only organisation ids.
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['contract', 'contract_version', 'tenant'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY %I ON %I USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid) WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)$p$, t || '_tenant_isolation', t);
    END LOOP;
END;
$$;
CREATE POLICY "tenant_directory" ON "tenant" FOR SELECT USING (true);
