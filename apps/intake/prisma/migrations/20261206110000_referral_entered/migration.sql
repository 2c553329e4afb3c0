-- A referral phoned in on Friday and typed in on Monday: received_at is when it arrived (its clocks start
-- from it), entered_at when it was typed in and entered_by who typed it. Earlier rows were entered as received.
ALTER TABLE "referral" ADD COLUMN "entered_at" TIMESTAMPTZ(3);
UPDATE "referral" SET "entered_at" = "received_at";
ALTER TABLE "referral" ALTER COLUMN "entered_at" SET NOT NULL, ALTER COLUMN "entered_at" SET DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "referral" ADD COLUMN "entered_by" TEXT;
