-- The tenant wall on reporting's counts: a provider's volumes and outcomes are its own business.
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['contract_counts', 'outcome_counts'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY %I ON %I USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid) WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)$p$, t || '_tenant_isolation', t);
    END LOOP;
END;
$$;
