-- scheduling: what invitations need of a session (its video link, its calendar entry's SEQUENCE),
-- and the reminders sent before one, once each.
ALTER TABLE "case_session" ADD COLUMN "video_link" TEXT;
-- The iCalendar SEQUENCE of the session's entry: 0 when booked, +1 at each move and at the cancellation.
ALTER TABLE "case_session" ADD COLUMN "calendar_sequence" INTEGER NOT NULL DEFAULT 0;

-- One row per reminder sent of one version of a session: the key that makes a reminder go once.
CREATE TABLE "session_reminder" (
    "session_id" UUID NOT NULL,
    "calendar_sequence" INTEGER NOT NULL,
    "reminder" INTEGER NOT NULL,
    "organisation_id" UUID NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "session_reminder_pkey" PRIMARY KEY ("session_id", "calendar_sequence", "reminder"),
    CONSTRAINT "session_reminder_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "case_session"("id") ON DELETE CASCADE
);
CREATE INDEX "session_reminder_organisation_id_idx" ON "session_reminder"("organisation_id");
ALTER TABLE "session_reminder" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "session_reminder" FORCE ROW LEVEL SECURITY;
CREATE POLICY "session_reminder_tenant_isolation" ON "session_reminder"
    USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
    WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
-- Booked sessions still to start, found by the reminder sweep.
CREATE INDEX "case_session_booked_starts_at_idx" ON "case_session"("starts_at") WHERE "status" = 'booked';
