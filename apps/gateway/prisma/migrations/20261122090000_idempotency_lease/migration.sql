-- An in-progress idempotency record carries a lease: a gateway that died mid-request leaves its key
-- "in-progress", and after IDEMPOTENCY_LEASE_MS another gateway may retake it (safe because intake
-- stores the key on the referral and answers a repeat with the referral already stored).
ALTER TABLE "idempotency_record" ADD COLUMN "claimed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
UPDATE "idempotency_record" SET "claimed_at" = "created_at";
