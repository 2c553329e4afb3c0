-- The same counts by London day, so GET /v1/reports/summary can answer for a date range: each event
-- counts on the day it happened (a referral on the day it was received, a closure on its closing day).
-- contract_counts and outcome_counts keep the running totals and the cases open now.
CREATE TABLE "daily_counts" (
    "organisation_id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "referrals_received" INTEGER NOT NULL DEFAULT 0,
    "cases_opened" INTEGER NOT NULL DEFAULT 0,
    "cases_closed" INTEGER NOT NULL DEFAULT 0,
    "cases_closed_expected" INTEGER NOT NULL DEFAULT 0,
    "cases_reopened" INTEGER NOT NULL DEFAULT 0,
    "cases_reopened_counted" INTEGER NOT NULL DEFAULT 0,
    "deadlines_breached" INTEGER NOT NULL DEFAULT 0,
    "deadlines_met" INTEGER NOT NULL DEFAULT 0,
    "deadlines_met_late" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "daily_counts_pkey" PRIMARY KEY ("organisation_id", "contract_id", "day")
);

CREATE TABLE "daily_outcome_counts" (
    "organisation_id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "outcome" TEXT NOT NULL,
    "cases" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "daily_outcome_counts_pkey" PRIMARY KEY ("organisation_id", "contract_id", "day", "outcome")
);

-- Counts from before this table existed have no day of their own: each contract's totals are put on the
-- London day of their last update, so a range that covers everything still adds up to the totals.
INSERT INTO "daily_counts" ("organisation_id", "contract_id", "day", "referrals_received", "cases_opened", "cases_closed", "cases_closed_expected",
                            "cases_reopened", "cases_reopened_counted", "deadlines_breached", "deadlines_met", "deadlines_met_late")
SELECT "organisation_id", "contract_id", ("updated_at" AT TIME ZONE 'Europe/London')::date, "referrals_received", "cases_opened", "cases_closed",
       "cases_closed_expected", "cases_reopened", "cases_reopened_counted", "deadlines_breached", "deadlines_met", "deadlines_met_late"
FROM "contract_counts";
INSERT INTO "daily_outcome_counts" ("organisation_id", "contract_id", "day", "outcome", "cases")
SELECT "organisation_id", "contract_id", ("updated_at" AT TIME ZONE 'Europe/London')::date, "outcome", "cases" FROM "outcome_counts";

-- Tenant rows behind the second wall, like their neighbours in the other services.
ALTER TABLE "daily_counts" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "daily_counts" FORCE ROW LEVEL SECURITY;
CREATE POLICY "daily_counts_tenant_isolation" ON "daily_counts"
    USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
    WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
ALTER TABLE "daily_outcome_counts" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "daily_outcome_counts" FORCE ROW LEVEL SECURITY;
CREATE POLICY "daily_outcome_counts_tenant_isolation" ON "daily_outcome_counts"
    USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
    WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
GRANT SELECT, INSERT, UPDATE, DELETE ON "daily_counts", "daily_outcome_counts" TO mediation_app;
