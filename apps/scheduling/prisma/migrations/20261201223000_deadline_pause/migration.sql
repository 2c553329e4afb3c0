-- Paused clocks: while a case is paused (casework.case.paused.v1) its pausable deadlines stand at
-- status 'paused' with the days they had left, and resume from the day the case resumes. The sweeper
-- and the alarms read only 'pending' rows, so a paused deadline can neither fire nor remind.
ALTER TABLE "deadline"
    ADD COLUMN "paused_at" TIMESTAMPTZ(3),
    ADD COLUMN "remaining_days" INTEGER;

-- The case file remembers the open pause, so a pausable clock that starts during it starts paused, and
-- the last one that ended, so a redelivered resume is a no-op while a resume arriving first is retried.
ALTER TABLE "case_file"
    ADD COLUMN "paused_at" TIMESTAMPTZ(3),
    ADD COLUMN "pause_id" UUID,
    ADD COLUMN "resumed_pause_id" UUID;
