-- scheduling: sessions on cases, and the bookings that stop a person or a venue being in two places.
-- btree_gist lets one GiST exclusion constraint compare uuids with = and time ranges with &&.
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;

CREATE TABLE "case_session" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "service_line" TEXT NOT NULL,
    "contract_version" INTEGER,
    "session_type" TEXT NOT NULL,
    "session_type_label" TEXT NOT NULL,
    "held_milestone" TEXT,
    "mode" TEXT NOT NULL,
    "venue_id" UUID,
    "location" TEXT,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "staff_ids" UUID[] NOT NULL,
    "parties" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "notice_required_days" INTEGER,
    "notice_given_days" INTEGER NOT NULL,
    "notice_waived_by" TEXT,
    "notice_waived_reason" TEXT,
    "booked_at" TIMESTAMPTZ(3) NOT NULL,
    "booked_by" TEXT NOT NULL,
    "held_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "status_reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "case_session_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "case_session_ends_after_start" CHECK ("ends_at" > "starts_at"),
    CONSTRAINT "case_session_status_known" CHECK ("status" IN ('booked', 'held', 'cancelled', 'did-not-attend')),
    CONSTRAINT "case_session_mode_known" CHECK ("mode" IN ('video', 'phone', 'in-person'))
);
CREATE INDEX "case_session_organisation_id_case_id_idx" ON "case_session"("organisation_id", "case_id");

-- One row per person or venue a live session occupies. The exclusion constraint is the real guard:
-- two transactions booking the same person or venue into overlapping times cannot both commit.
CREATE TABLE "session_booking" (
    "session_id" UUID NOT NULL,
    "resource_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "resource_kind" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "session_booking_pkey" PRIMARY KEY ("session_id", "resource_id"),
    CONSTRAINT "session_booking_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "case_session"("id") ON DELETE CASCADE,
    CONSTRAINT "session_booking_resource_kind_known" CHECK ("resource_kind" IN ('staff', 'venue')),
    CONSTRAINT "session_booking_no_double_booking" EXCLUDE USING gist ("organisation_id" WITH =, "resource_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
);

ALTER TABLE "case_session" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "case_session" FORCE ROW LEVEL SECURITY;
CREATE POLICY "case_session_tenant_isolation" ON "case_session"
    USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
    WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid);

GRANT SELECT, INSERT, UPDATE, DELETE ON "case_session", "session_booking" TO mediation_app;
