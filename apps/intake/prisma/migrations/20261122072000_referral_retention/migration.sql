-- Retention (#4 item 3): intake learns when a referral's case closed (casework.case.closed.v1 and
-- reopened.v1) and anonymises it dataRetentionMonths later, unless a legal hold is set.
ALTER TABLE "referral" ADD COLUMN "case_closed_at" TIMESTAMPTZ(3);
ALTER TABLE "referral" ADD COLUMN "legal_hold" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "referral" ADD COLUMN "legal_hold_reason" TEXT;
ALTER TABLE "referral" ADD COLUMN "anonymised_at" TIMESTAMPTZ(3);
CREATE INDEX "referral_retention_idx" ON "referral"("case_closed_at") WHERE "case_closed_at" IS NOT NULL AND "anonymised_at" IS NULL;
