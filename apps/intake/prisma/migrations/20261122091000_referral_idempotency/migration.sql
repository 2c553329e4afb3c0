-- End-to-end idempotency of referral submission: the gateway passes the client's Idempotency-Key,
-- intake stores it with a hash of the request, and a repeat returns the referral already stored.
-- The unique index makes two concurrent submissions with one key create one referral.
ALTER TABLE "referral" ADD COLUMN "idempotency_key" TEXT;
ALTER TABLE "referral" ADD COLUMN "idempotency_request_hash" TEXT;
CREATE UNIQUE INDEX "referral_organisation_id_idempotency_key_key" ON "referral"("organisation_id", "idempotency_key");
