-- When a case moved into an ended state (withdrawn, rejected: no outcome). Retention runs from then,
-- as it runs from closed_at for a closed case; leaving the ended state clears it.
ALTER TABLE "case" ADD COLUMN "ended_at" TIMESTAMPTZ(3);
-- The daily retention job looks for ended cases per tenant as it does for closed ones.
CREATE INDEX "case_ended_idx" ON "case"("organisation_id", "ended_at") WHERE "ended_at" IS NOT NULL;
