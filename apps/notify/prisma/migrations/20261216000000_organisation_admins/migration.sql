-- Notify's copy of each organisation's active provider-admins (gateway.organisation.admins-changed.v1): whom to
-- email when a partner endpoint of the organisation is disabled. The latest `changed_at` wins.
CREATE TABLE "organisation_admins" (
    "organisation_id" UUID NOT NULL,
    "admins" JSONB NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "organisation_admins_pkey" PRIMARY KEY ("organisation_id")
);

GRANT SELECT, INSERT, UPDATE, DELETE ON "organisation_admins" TO mediation_app;

-- The second wall between tenants, as on every tenant table (fails closed with no tenant set).
ALTER TABLE "organisation_admins" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "organisation_admins" FORCE ROW LEVEL SECURITY;
CREATE POLICY "organisation_admins_tenant_isolation" ON "organisation_admins"
    USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
    WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
