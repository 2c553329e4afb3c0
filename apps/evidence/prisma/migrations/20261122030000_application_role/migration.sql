-- The services run as mediation_app (created by tools/db/migrate.cjs): it may read and write this
-- schema's rows but owns nothing, so it cannot alter tables and row-level security applies to it.
GRANT USAGE ON SCHEMA "evidence" TO mediation_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "evidence" TO mediation_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA "evidence" TO mediation_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA "evidence" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO mediation_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA "evidence" GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO mediation_app;
-- Migration history is the owner's business.
REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM mediation_app;
