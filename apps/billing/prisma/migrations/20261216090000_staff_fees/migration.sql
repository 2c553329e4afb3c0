-- billing: what the provider pays its sessional staff. One fee per member of staff per session held,
-- from scheduling.session.staff-worked.v1 (the pay terms on their record when it was held); a London
-- month's fees are their statement, checked against the London Living Wage when read.
CREATE TABLE "staff_fee" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "staff_id" UUID NOT NULL,
    "staff_name" TEXT NOT NULL,
    "session_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "session_type" TEXT NOT NULL,
    "held_at" TIMESTAMPTZ(3) NOT NULL,
    "period" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,
    "basis" TEXT NOT NULL,
    "rate_pence" INTEGER NOT NULL,
    "fee_pence" INTEGER NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "staff_fee_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "staff_fee_basis_check" CHECK ("basis" IN ('per-session', 'hourly')),
    CONSTRAINT "staff_fee_period_check" CHECK ("period" ~ '^\d{4}-(0[1-9]|1[0-2])$')
);
-- A redelivered session finds its (session, staff) taken.
CREATE UNIQUE INDEX "staff_fee_organisation_id_session_id_staff_id_key" ON "staff_fee"("organisation_id", "session_id", "staff_id");
CREATE INDEX "staff_fee_organisation_id_staff_id_period_idx" ON "staff_fee"("organisation_id", "staff_id", "period");
CREATE INDEX "staff_fee_organisation_id_period_idx" ON "staff_fee"("organisation_id", "period");

-- Append-only, like the ledger: a fee is never edited or deleted.
CREATE FUNCTION "staff_fee_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'staff fees are never edited or deleted' USING ERRCODE = 'check_violation';
END;
$$;
CREATE TRIGGER "staff_fee_append_only" BEFORE UPDATE OR DELETE ON "staff_fee" FOR EACH ROW EXECUTE FUNCTION "staff_fee_append_only"();

GRANT SELECT, INSERT ON "staff_fee" TO mediation_app;
ALTER TABLE "staff_fee" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "staff_fee" FORCE ROW LEVEL SECURITY;
CREATE POLICY "staff_fee_tenant_isolation" ON "staff_fee"
    USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
    WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
