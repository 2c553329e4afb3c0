-- scheduling: the form an activity type asks (per contract, line and type), and each activity's answers to it.
ALTER TABLE "programme_activity" ADD COLUMN "answers" JSONB NOT NULL DEFAULT '{}';

CREATE TABLE "activity_type_form" (
    "contract_id" UUID NOT NULL,
    "service_line" TEXT NOT NULL,
    "activity_type" TEXT NOT NULL,
    "organisation_id" UUID NOT NULL,
    "fields" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "activity_type_form_pkey" PRIMARY KEY ("contract_id", "service_line", "activity_type")
);
ALTER TABLE "activity_type_form" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "activity_type_form" FORCE ROW LEVEL SECURITY;
CREATE POLICY "activity_type_form_tenant_isolation" ON "activity_type_form"
    USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
    WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
