-- Complaints in the KPI read model: when each was received, acknowledged and resolved, against the dates the
-- line's complaints policy set (carried by casework's complaint events). No complainant, no text.
CREATE TABLE "kpi_complaint" (
    "complaint_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "received_at" TIMESTAMPTZ(3),
    "acknowledge_by" TIMESTAMPTZ(3),
    "respond_by" TIMESTAMPTZ(3),
    -- Whether `respond_by` is the acknowledgement's (final) rather than the receipt's (provisional when counted from the acknowledgement).
    "respond_by_final" BOOLEAN NOT NULL DEFAULT false,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_late" BOOLEAN,
    "resolved_at" TIMESTAMPTZ(3),
    "finding" TEXT,
    CONSTRAINT "kpi_complaint_pkey" PRIMARY KEY ("complaint_id")
);
CREATE INDEX "kpi_complaint_case_idx" ON "kpi_complaint"("case_id");

ALTER TABLE "kpi_complaint" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "kpi_complaint" FORCE ROW LEVEL SECURITY;
CREATE POLICY "kpi_complaint_tenant_isolation" ON "kpi_complaint"
    USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
    WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
