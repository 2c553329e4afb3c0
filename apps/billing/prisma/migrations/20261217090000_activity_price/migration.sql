-- A programme activity charged at its contract's price (seed 002's workshops and drop-ins): the price per activity type of a
-- contract's line, set by the provider (PUT /v1/contracts/{id}/service-lines/{line}/activity-types/{type}/price). Kept
-- here, beside the contract's definition, because that definition rides in the pinned intake.contract.published.v2.
CREATE TABLE "activity_price" (
    "organisation_id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "service_line" TEXT NOT NULL,
    "activity_type" TEXT NOT NULL,
    "price_pence" INTEGER NOT NULL,
    "per" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "activity_price_pkey" PRIMARY KEY ("contract_id", "service_line", "activity_type"),
    CONSTRAINT "activity_price_price_pence_check" CHECK ("price_pence" >= 0),
    CONSTRAINT "activity_price_per_check" CHECK ("per" IN ('activity', 'attendee'))
);
CREATE INDEX "activity_price_organisation_id_idx" ON "activity_price"("organisation_id");

GRANT SELECT, INSERT, UPDATE ON "activity_price" TO mediation_app;
ALTER TABLE "activity_price" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "activity_price" FORCE ROW LEVEL SECURITY;
CREATE POLICY "activity_price_tenant_isolation" ON "activity_price"
    USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
    WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid);

-- The ledger entry of such an activity: `activity:<activityId>`, once.
ALTER TABLE "ledger_entry" DROP CONSTRAINT "ledger_entry_kind_check";
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_kind_check" CHECK ("kind" IN ('case', 'session', 'did-not-attend', 'instalment', 'credit', 'milestone', 'activity'));
