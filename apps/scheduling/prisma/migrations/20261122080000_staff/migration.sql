-- scheduling: staff profiles, their accreditations and checks, availability, conflicts of interest,
-- and venues. Caseloads are read from case_assignment (the case-file projection of casework events).
CREATE TABLE "staff" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "user_id" UUID,
    "service_lines" JSONB NOT NULL,
    "skills" TEXT[] NOT NULL,
    "languages" TEXT[] NOT NULL,
    "pay_rate_pence" INTEGER NOT NULL,
    "max_caseload" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "weekly_availability" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "staff_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "staff_pay_rate_positive" CHECK ("pay_rate_pence" > 0),
    CONSTRAINT "staff_status_known" CHECK ("status" IN ('active', 'inactive'))
);
CREATE UNIQUE INDEX "staff_organisation_id_email_key" ON "staff"("organisation_id", "email");

CREATE TABLE "staff_accreditation" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "staff_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "reference" TEXT,
    "issued_on" DATE NOT NULL,
    "expires_on" DATE,
    "expiring_warned_at" TIMESTAMPTZ(3),
    "expired_warned_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "staff_accreditation_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "staff_accreditation_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE CASCADE
);
CREATE INDEX "staff_accreditation_organisation_id_staff_id_idx" ON "staff_accreditation"("organisation_id", "staff_id");
CREATE INDEX "staff_accreditation_expires_on_idx" ON "staff_accreditation"("expires_on");

CREATE TABLE "staff_availability_exception" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "staff_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "kind" TEXT NOT NULL,
    "start_time" TEXT,
    "end_time" TEXT,
    "reason" TEXT,
    CONSTRAINT "staff_availability_exception_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "staff_availability_exception_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE CASCADE
);
CREATE INDEX "staff_availability_exception_organisation_id_staff_id_date_idx" ON "staff_availability_exception"("organisation_id", "staff_id", "date");

CREATE TABLE "staff_conflict" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "staff_id" UUID NOT NULL,
    "party_name" TEXT,
    "case_id" UUID,
    "reason" TEXT NOT NULL,
    "declared_by" TEXT NOT NULL,
    "declared_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "staff_conflict_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "staff_conflict_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE CASCADE,
    CONSTRAINT "staff_conflict_names_something" CHECK ("party_name" IS NOT NULL OR "case_id" IS NOT NULL)
);
CREATE INDEX "staff_conflict_organisation_id_staff_id_idx" ON "staff_conflict"("organisation_id", "staff_id");

CREATE TABLE "venue" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "address" JSONB NOT NULL,
    "accessibility" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "venue_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "venue_organisation_id_idx" ON "venue"("organisation_id");

-- Personal data (names, contact details, conflicts naming parties) sits behind the tenant wall too.
ALTER TABLE "staff" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "staff" FORCE ROW LEVEL SECURITY;
CREATE POLICY "staff_tenant_isolation" ON "staff"
    USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
    WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
ALTER TABLE "staff_conflict" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "staff_conflict" FORCE ROW LEVEL SECURITY;
CREATE POLICY "staff_conflict_tenant_isolation" ON "staff_conflict"
    USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
    WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
ALTER TABLE "staff_availability_exception" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "staff_availability_exception" FORCE ROW LEVEL SECURITY;
CREATE POLICY "staff_availability_exception_tenant_isolation" ON "staff_availability_exception"
    USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
    WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid);

GRANT SELECT, INSERT, UPDATE, DELETE ON "staff", "staff_accreditation", "staff_availability_exception", "staff_conflict", "venue" TO mediation_app;
