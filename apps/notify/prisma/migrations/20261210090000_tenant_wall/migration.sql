-- The organisations notify holds deliveries for, so the sweeper and the retention backstop can run
-- one tenant at a time once deliveries sit behind the wall. Only ids; a trigger keeps it complete.
CREATE TABLE "tenant" (
    "organisation_id" UUID NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "tenant_pkey" PRIMARY KEY ("organisation_id")
);
CREATE FUNCTION "record_tenant"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "notify"."tenant" ("organisation_id") VALUES (NEW."organisation_id") ON CONFLICT DO NOTHING;
    RETURN NEW;
END;
$$;
CREATE TRIGGER "delivery_record_tenant" AFTER INSERT ON "delivery" FOR EACH ROW EXECUTE FUNCTION "record_tenant"();
INSERT INTO "tenant" ("organisation_id") SELECT DISTINCT "organisation_id" FROM "delivery" ON CONFLICT DO NOTHING;
GRANT SELECT, INSERT ON "tenant" TO mediation_app;

-- The tenant wall on deliveries (addresses, subjects, bodies) and on writes to the tenant list.
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['delivery', 'tenant'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY %I ON %I USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid) WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)$p$, t || '_tenant_isolation', t);
    END LOOP;
END;
$$;
CREATE POLICY "tenant_directory" ON "tenant" FOR SELECT USING (true);
