-- A party reminder keeps which deadline it was about as the party read it (rule, label, due date), so a
-- subject-access export can tell the person what they were reminded of after the outbox row is gone.
-- Reminders issued before keep nulls: the due-soon event that named them was not kept.
ALTER TABLE "party_reminder" ADD COLUMN "rule" TEXT;
ALTER TABLE "party_reminder" ADD COLUMN "label" TEXT;
ALTER TABLE "party_reminder" ADD COLUMN "due_at" TIMESTAMPTZ(3);
