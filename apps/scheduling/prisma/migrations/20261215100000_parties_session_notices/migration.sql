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

-- Programme activities outside cases (seed 002's workshops and drop-ins): what was delivered, for whom, to how many.
CREATE TABLE "programme_activity" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "service_line" TEXT NOT NULL,
    "activity_type" TEXT NOT NULL,
    "activity_label" TEXT NOT NULL,
    "milestone" TEXT,
    "delivered_at" TIMESTAMPTZ(3) NOT NULL,
    "place" TEXT NOT NULL,
    "facilitator_ids" UUID[] NOT NULL,
    "served_organisation" TEXT NOT NULL,
    "attendance" JSONB NOT NULL,
    "total_attendees" INTEGER NOT NULL,
    "named_attendees" TEXT[] NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_by" TEXT NOT NULL,
    CONSTRAINT "programme_activity_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "programme_activity_organisation_id_contract_id_idx" ON "programme_activity"("organisation_id", "contract_id", "delivered_at");
ALTER TABLE "programme_activity" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "programme_activity" FORCE ROW LEVEL SECURITY;
CREATE POLICY "programme_activity_tenant_isolation" ON "programme_activity"
    USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
    WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
