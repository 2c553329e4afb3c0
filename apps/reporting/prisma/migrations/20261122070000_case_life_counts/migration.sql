-- reporting: what happens to cases after they open (closures, outcomes, reopenings) and how clocks end.
ALTER TABLE "contract_counts"
    ADD COLUMN "cases_closed" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "cases_closed_expected" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "cases_reopened" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "cases_reopened_counted" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "deadlines_met" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "deadlines_met_late" INTEGER NOT NULL DEFAULT 0;

-- One row per (contract, outcome): the outcome-rate KPIs read it.
CREATE TABLE "outcome_counts" (
    "organisation_id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "outcome" TEXT NOT NULL,
    "cases" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "outcome_counts_pkey" PRIMARY KEY ("organisation_id", "contract_id", "outcome")
);
GRANT SELECT, INSERT, UPDATE, DELETE ON "outcome_counts" TO mediation_app;
