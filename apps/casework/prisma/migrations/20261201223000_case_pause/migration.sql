-- A pause of a case's pausable clocks (e.g. the service user asked to defer, agreed with the council's
-- officer). The reason is free text and stays here: the paused/resumed events carry only ids and times.
CREATE TABLE "case_pause" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL REFERENCES "case"("id") ON DELETE CASCADE,
    "paused_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "agreed_with" TEXT NOT NULL,
    "resumed_at" TIMESTAMPTZ(3),
    "recorded_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "case_pause_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "case_pause_resumed_after_paused" CHECK ("resumed_at" IS NULL OR "resumed_at" >= "paused_at")
);
CREATE INDEX "case_pause_case_id_paused_at_idx" ON "case_pause"("case_id", "paused_at");
-- One open pause per case: a second concurrent pause fails here even if both passed the check in code.
CREATE UNIQUE INDEX "case_pause_open_key" ON "case_pause"("case_id") WHERE "resumed_at" IS NULL;

GRANT SELECT, INSERT, UPDATE, DELETE ON "case_pause" TO mediation_app;

-- The second wall between tenants, as on every casework table (fails closed with no tenant set).
ALTER TABLE "case_pause" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "case_pause" FORCE ROW LEVEL SECURITY;
CREATE POLICY "case_pause_tenant_isolation" ON "case_pause"
    USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
    WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
