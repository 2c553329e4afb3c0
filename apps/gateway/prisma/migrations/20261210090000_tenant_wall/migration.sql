-- The tenant wall on every identity table that carries organisation_id: people and their password
-- hashes, API keys, OIDC settings, idempotency records (whole referral views) and the audit trail.
-- A query sees only the organisation set for its transaction (app.organisation_id), nothing without.
-- identity.organisation is the tenant list itself (names and slugs), so sign-in can find an
-- organisation by its slug before a tenant is known, and the audit verifier can walk every chain.
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['user_account', 'api_key', 'oidc_provider', 'idempotency_record', 'audit_entry', 'audit_chain_head'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY %I ON %I USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid) WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)$p$, t || '_tenant_isolation', t);
    END LOOP;
END;
$$;

-- Authentication learns the organisation from the credential, so two rows may be read before a tenant
-- is set, each only by whoever presents it: an API key by its id together with the HMAC of its secret
-- (only the holder of the whole key can name both), an OIDC provider by the issuer a token names (its
-- signature is then checked against that provider's keys). Reading only; nothing else opens.
CREATE POLICY "api_key_presented" ON "api_key" FOR SELECT
    USING ("key_id" = NULLIF(current_setting('app.api_key_id', true), '') AND "secret_hash" = NULLIF(current_setting('app.api_key_secret_hash', true), ''));
CREATE POLICY "oidc_provider_by_issuer" ON "oidc_provider" FOR SELECT
    USING ("issuer" = NULLIF(current_setting('app.oidc_issuer', true), ''));
