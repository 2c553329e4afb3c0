-- reporting: what is spent under each contract, from billing.ledger.entry-recorded.v1 (one row per ledger
-- entry, credits negative), on the London day it happened, for the spend beside the KPIs and in the pack.
CREATE TABLE "spend_entry" (
    "entry_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "service_line" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "amount_pence" INTEGER NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "occurred_on" DATE NOT NULL,
    CONSTRAINT "spend_entry_pkey" PRIMARY KEY ("entry_id")
);
CREATE INDEX "spend_entry_organisation_id_contract_id_occurred_on_idx" ON "spend_entry"("organisation_id", "contract_id", "occurred_on");
ALTER TABLE "spend_entry" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "spend_entry" FORCE ROW LEVEL SECURITY;
CREATE POLICY "spend_entry_tenant_isolation" ON "spend_entry"
    USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
    WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
