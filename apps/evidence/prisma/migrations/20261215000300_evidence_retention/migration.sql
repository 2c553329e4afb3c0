-- Retention: evidence keeps each case's legal hold (casework.case.legal-hold-changed.v1), so an exhibit
-- added to a held case is held too, and deletes a case's files when casework anonymises it
-- (casework.case.anonymised.v1) unless held; a bundle's file goes with them.
CREATE TABLE "case_hold" (
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "legal_hold" BOOLEAN NOT NULL,
    "reason" TEXT NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "case_hold_pkey" PRIMARY KEY ("organisation_id", "case_id")
);
ALTER TABLE "bundle" ADD COLUMN "object_deleted_at" TIMESTAMPTZ(3);
GRANT UPDATE ("object_deleted_at") ON "bundle" TO mediation_app;

ALTER TABLE "case_hold" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "case_hold" FORCE ROW LEVEL SECURITY;
CREATE POLICY "case_hold_tenant_isolation" ON "case_hold"
    USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
    WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
