-- Linking a referral to its case reads the case's other referrals (is the case closed? held?): without an index on
-- the case that read was every referral of the organisation, once for each case opened.
CREATE INDEX "referral_case_idx" ON "referral"("organisation_id", "case_id") WHERE "case_id" IS NOT NULL;
