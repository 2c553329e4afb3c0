-- The case manager's own recommendations for further referral or escalation, given when closing;
-- the case report prints them before what the outcome implies.
ALTER TABLE "case_status_change" ADD COLUMN "recommendations" JSONB;
