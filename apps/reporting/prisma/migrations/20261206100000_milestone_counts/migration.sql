-- reporting: milestones reached per contract and London day (workshops delivered, data returns received...),
-- which the lines' `count` KPIs count; the day lets GET /v1/reports/summary answer for a date range. Behind the tenant wall like every table carrying organisation_id.
CREATE TABLE "milestone_counts" (
    "organisation_id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "milestone" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "milestone_counts_pkey" PRIMARY KEY ("organisation_id", "contract_id", "day", "milestone")
);
GRANT SELECT, INSERT, UPDATE, DELETE ON "milestone_counts" TO mediation_app;

ALTER TABLE "milestone_counts" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "milestone_counts" FORCE ROW LEVEL SECURITY;
CREATE POLICY "milestone_counts_tenant_isolation" ON "milestone_counts"
    USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
    WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
