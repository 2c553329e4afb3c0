-- A repeat referral that casework linked to the open case of the same matter (casework.case.referral-linked.v1)
-- is not a new case: the yearly cap of a fixed-price line does not count it.
ALTER TABLE "referral" ADD COLUMN "joined_existing_case" BOOLEAN NOT NULL DEFAULT false;
