-- The organisations scheduling holds deadlines or staff for, so the sweepers and the daily expiry
-- warnings can run one tenant at a time once those tables sit behind the wall. Only ids; triggers
-- keep it complete as deadlines and staff are created.
CREATE TABLE "tenant" (
    "organisation_id" UUID NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "tenant_pkey" PRIMARY KEY ("organisation_id")
);
CREATE FUNCTION "record_tenant"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "scheduling"."tenant" ("organisation_id") VALUES (NEW."organisation_id") ON CONFLICT DO NOTHING;
    RETURN NEW;
END;
$$;
CREATE TRIGGER "deadline_record_tenant" AFTER INSERT ON "deadline" FOR EACH ROW EXECUTE FUNCTION "record_tenant"();
CREATE TRIGGER "staff_record_tenant" AFTER INSERT ON "staff" FOR EACH ROW EXECUTE FUNCTION "record_tenant"();
-- Backfilled before the wall goes up on deadline; staff is already behind it, so FORCE is lifted for
-- this one statement of the migration.
ALTER TABLE "staff" NO FORCE ROW LEVEL SECURITY;
INSERT INTO "tenant" ("organisation_id")
    SELECT "organisation_id" FROM "deadline" UNION SELECT "organisation_id" FROM "staff"
    ON CONFLICT DO NOTHING;
ALTER TABLE "staff" FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT ON "tenant" TO mediation_app;

-- The tenant wall on the rest of scheduling: deadlines, case files and assignments (whose cases a
-- person works on), bookings, accreditations and checks, venues, contract versions, and writes to the
-- tenant list (anyone may read it: it is only organisation ids).
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['deadline', 'case_file', 'case_assignment', 'session_booking', 'staff_accreditation', 'venue', 'contract_version', 'tenant'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY %I ON %I USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid) WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)$p$, t || '_tenant_isolation', t);
    END LOOP;
END;
$$;
CREATE POLICY "tenant_directory" ON "tenant" FOR SELECT USING (true);
