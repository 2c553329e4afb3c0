-- Deadline reminders issued to parties: one row per deadline, reminder and party, so a repeated
-- due-soon for the same reminder (a redelivery under a new event id) reminds nobody twice.
CREATE TABLE "party_reminder" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL REFERENCES "case"("id") ON DELETE CASCADE,
    "deadline_id" UUID NOT NULL,
    -- `r<revision>-<n>`: a moved deadline (next revision) reminds again.
    "reminder_key" TEXT NOT NULL,
    "party_id" UUID NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "party_reminder_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "party_reminder_deadline_id_reminder_key_party_id_key" ON "party_reminder"("deadline_id", "reminder_key", "party_id");
CREATE INDEX "party_reminder_case_id_idx" ON "party_reminder"("case_id");

GRANT SELECT, INSERT, UPDATE, DELETE ON "party_reminder" TO mediation_app;

-- The second wall between tenants, as on every casework table (fails closed with no tenant set).
ALTER TABLE "party_reminder" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "party_reminder" FORCE ROW LEVEL SECURITY;
CREATE POLICY "party_reminder_tenant_isolation" ON "party_reminder"
    USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
    WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
