-- A legal hold on a case holds the referrals it came from (casework.case.legal-hold-changed.v1), apart
-- from a hold set on the referral itself, so releasing the case's hold leaves the referral's own.
ALTER TABLE "referral" ADD COLUMN "held_by_case" BOOLEAN NOT NULL DEFAULT false;
-- The case's version of the last hold change applied, so a late or repeated event cannot undo a newer one.
ALTER TABLE "referral" ADD COLUMN "case_hold_sequence" INTEGER;
