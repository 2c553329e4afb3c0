-- reminders_at keeps only the reminders still ahead when a clock is set, so its positions are not the
-- rule's: reminder_rules says, position by position, which of the rule's reminders each one is, and so
-- who it is for (the staff assigned, the parties or both). Older rows have none: their reminders stay
-- with the assigned staff, as before.
ALTER TABLE "deadline" ADD COLUMN "reminder_rules" INTEGER[] NOT NULL DEFAULT '{}';
