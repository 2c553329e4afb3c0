-- The last two casework tables outside the wall.
-- survey_token: the public survey route knows only the token, so a row is readable before a tenant is
-- set only by whoever presents the token's hash (app.survey_token_sha256), and otherwise only within
-- its organisation like every other table.
-- tenant: the list of organisations for the jobs that run one tenant at a time; anyone may read it
-- (only organisation ids), writes are the tenant's own (the trigger on case runs in its transaction).
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['survey_token', 'tenant'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY %I ON %I USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid) WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)$p$, t || '_tenant_isolation', t);
    END LOOP;
END;
$$;
CREATE POLICY "survey_token_presented" ON "survey_token" FOR SELECT
    USING ("token_sha256" = NULLIF(current_setting('app.survey_token_sha256', true), ''));
CREATE POLICY "tenant_directory" ON "tenant" FOR SELECT USING (true);
