-- The services run as mediation_app (created by tools/db/migrate.cjs): it may read and write this
-- schema's rows but owns nothing, so it cannot alter tables and row-level security applies to it.
GRANT USAGE ON SCHEMA "casework" TO mediation_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "casework" TO mediation_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA "casework" TO mediation_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA "casework" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO mediation_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA "casework" GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO mediation_app;
-- Migration history is the owner's business.
REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM mediation_app;

-- The second wall between tenants: even a query that forgot its organisation filter sees only the
-- organisation set for the transaction (app.organisation_id), and nothing when none is set.
ALTER TABLE "case" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "case" FORCE ROW LEVEL SECURITY;
CREATE POLICY "case_tenant_isolation" ON "case"
    USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
    WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
