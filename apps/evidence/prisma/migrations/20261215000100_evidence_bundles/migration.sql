-- Court bundles (one paginated PDF made from chosen exhibits, stored once, never rewritten) and
-- evidence's copy of each organisation's profile (gateway.organisation.profile-changed.v1), which signs
-- a bundle's front sheet and every footer.
CREATE TABLE "bundle" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "item_ids" UUID[] NOT NULL,
    -- Each exhibit's place in the bundle: reference, description, date, producer, pages, SHA-256.
    "index" JSONB NOT NULL,
    "page_count" INTEGER NOT NULL,
    "storage_key" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size_bytes" BIGINT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "bundle_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "bundle_case_idx" ON "bundle"("organisation_id", "case_id");
REVOKE UPDATE, TRUNCATE ON "bundle" FROM mediation_app;

CREATE TABLE "organisation_profile" (
    "organisation_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "version" INTEGER NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "organisation_profile_pkey" PRIMARY KEY ("organisation_id")
);

DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['bundle', 'organisation_profile'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY %I ON %I USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid) WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)$p$, t || '_tenant_isolation', t);
    END LOOP;
END;
$$;
