-- scheduling: a service line's own session reminder times (per contract and line; none = the defaults).
CREATE TABLE "line_session_reminders" (
    "contract_id" UUID NOT NULL,
    "service_line" TEXT NOT NULL,
    "organisation_id" UUID NOT NULL,
    "reminders" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "line_session_reminders_pkey" PRIMARY KEY ("contract_id", "service_line")
);
ALTER TABLE "line_session_reminders" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "line_session_reminders" FORCE ROW LEVEL SECURITY;
CREATE POLICY "line_session_reminders_tenant_isolation" ON "line_session_reminders"
    USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
    WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
