-- Retention: a delivery's personal data (address, subject, body, attachment and link references) is
-- cleared when its case or referral is anonymised, or, for those with neither, some days after it was
-- sent or given up. The address becomes NULL rather than a marker so that the deliveries of one event
-- to several recipients stay distinct under the unique (source_event_id, kind, to_address) index.
ALTER TABLE "delivery" ALTER COLUMN "to_address" DROP NOT NULL;
ALTER TABLE "delivery" ADD COLUMN "failed_at" TIMESTAMPTZ(3);
ALTER TABLE "delivery" ADD COLUMN "anonymised_at" TIMESTAMPTZ(3);
-- Deliveries given up before failed_at existed: their creation time is the nearest known time, so the
-- backstop counts from no later than the truth.
UPDATE "delivery" SET "failed_at" = "created_at" WHERE "status" = 'failed' AND "failed_at" IS NULL;

-- The deliveries of one case or one referral, found when it is anonymised.
CREATE INDEX "delivery_organisation_id_case_id_idx" ON "delivery"("organisation_id", "case_id");
CREATE INDEX "delivery_organisation_id_referral_id_idx" ON "delivery"("organisation_id", "referral_id");
-- A subject-access export finds the deliveries sent to an address, whatever its case.
CREATE INDEX "delivery_organisation_id_to_address_idx" ON "delivery"("organisation_id", lower("to_address"));
