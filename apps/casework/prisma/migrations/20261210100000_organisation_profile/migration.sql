-- Casework's copy of each organisation's profile (gateway.organisation.profile-changed.v1): the name and
-- address its case reports and certificates are signed with. `version` keeps a late copy from
-- overwriting a newer one.
CREATE TABLE "organisation_profile" (
    "organisation_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "version" INTEGER NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "organisation_profile_pkey" PRIMARY KEY ("organisation_id")
);

GRANT SELECT, INSERT, UPDATE, DELETE ON "organisation_profile" TO mediation_app;

-- The second wall between tenants, as on every casework table (fails closed with no tenant set).
ALTER TABLE "organisation_profile" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "organisation_profile" FORCE ROW LEVEL SECURITY;
CREATE POLICY "organisation_profile_tenant_isolation" ON "organisation_profile"
    USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
    WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
