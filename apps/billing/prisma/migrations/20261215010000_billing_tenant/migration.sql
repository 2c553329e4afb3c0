-- The organisations billing holds contracts for, so the invoice schedulers can be declared again at
-- boot one tenant at a time (a Redis that lost them while billing was down). Only ids; a trigger on the
-- contract book's projection keeps it complete.
CREATE TABLE "tenant" (
    "organisation_id" UUID NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "tenant_pkey" PRIMARY KEY ("organisation_id")
);
CREATE FUNCTION "record_tenant"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "billing"."tenant" ("organisation_id") VALUES (NEW."organisation_id") ON CONFLICT DO NOTHING;
    RETURN NEW;
END;
$$;
CREATE TRIGGER "contract_version_record_tenant" AFTER INSERT ON "contract_version" FOR EACH ROW EXECUTE FUNCTION "record_tenant"();
ALTER TABLE "contract_version" NO FORCE ROW LEVEL SECURITY;
INSERT INTO "tenant" ("organisation_id") SELECT DISTINCT "organisation_id" FROM "contract_version" ON CONFLICT DO NOTHING;
ALTER TABLE "contract_version" FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON "tenant" TO mediation_app;

ALTER TABLE "tenant" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tenant" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_tenant_isolation" ON "tenant"
    USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
    WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
CREATE POLICY "tenant_directory" ON "tenant" FOR SELECT USING (true);
