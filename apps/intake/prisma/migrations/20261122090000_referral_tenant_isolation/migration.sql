-- The second wall between tenants on intake's personal data (parties, referrer, answers, consent):
-- even a query that forgot its organisation filter sees only the organisation set for the
-- transaction (app.organisation_id), and nothing when none is set. Jobs that scan every tenant
-- (retention, answer sealing) iterate the organisations listed by intake.contract, which holds no
-- personal data and stays outside the policy, and run each tenant in its own transaction.
ALTER TABLE "referral" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "referral" FORCE ROW LEVEL SECURITY;
CREATE POLICY "referral_tenant_isolation" ON "referral"
    USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
    WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
-- Said explicitly though the default privileges cover it.
GRANT SELECT, INSERT, UPDATE, DELETE ON "referral" TO mediation_app;
