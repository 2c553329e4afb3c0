-- Referral intake rules (#4): consent, the office-hours clock start, rejection with a reason,
-- possible duplicates and the yearly case cap. Rejected referrals are stored too, so none is lost.
ALTER TABLE "referral" ADD COLUMN "clock_starts_at" TIMESTAMPTZ(3);
ALTER TABLE "referral" ADD COLUMN "consent" JSONB NOT NULL DEFAULT '[]';
ALTER TABLE "referral" ADD COLUMN "rejection_code" TEXT;
ALTER TABLE "referral" ADD COLUMN "rejection_reason" TEXT;
ALTER TABLE "referral" ADD COLUMN "possible_duplicates" JSONB NOT NULL DEFAULT '[]';
ALTER TABLE "referral" ADD COLUMN "over_cap" BOOLEAN NOT NULL DEFAULT false;
-- Normalised party names and postcode/address, compared within the service line's duplicate window.
ALTER TABLE "referral" ADD COLUMN "duplicate_key" TEXT;

-- Referrals taken before office hours were applied started their clocks on receipt.
UPDATE "referral" SET "clock_starts_at" = "received_at" WHERE "clock_starts_at" IS NULL;
ALTER TABLE "referral" ALTER COLUMN "clock_starts_at" SET NOT NULL;
-- The referrer follows the status; a linked case means the case was opened.
UPDATE "referral" SET "status" = 'case-opened' WHERE "case_id" IS NOT NULL AND "status" = 'received';

CREATE INDEX "referral_external_reference_idx" ON "referral"("organisation_id", "contract_id", "external_reference") WHERE "external_reference" IS NOT NULL;
CREATE INDEX "referral_duplicate_key_idx" ON "referral"("organisation_id", "contract_id", "duplicate_key", "received_at") WHERE "duplicate_key" IS NOT NULL;
-- The referral list pages newest first by id (uuidv7, so time-ordered) within a contract and status.
CREATE INDEX "referral_list_idx" ON "referral"("organisation_id", "contract_id", "status", "id" DESC);
