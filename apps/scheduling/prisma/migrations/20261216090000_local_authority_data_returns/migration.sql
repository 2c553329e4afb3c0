-- scheduling: the local authorities taking part in a contract's programme (seed 002), their monthly data
-- returns, the reminder and missing notice of each (once), and each contract's due-date rule.
CREATE TABLE "local_authority" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "onboarded_on" DATE NOT NULL,
    "contact_name" TEXT NOT NULL,
    "contact_email" TEXT NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL,
    "added_by" TEXT NOT NULL,
    CONSTRAINT "local_authority_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "local_authority_organisation_id_contract_id_key_key" ON "local_authority"("organisation_id", "contract_id", "key");
-- The daily data-return sweep runs one tenant at a time: an organisation with authorities is one of them.
CREATE TRIGGER "local_authority_record_tenant" AFTER INSERT ON "local_authority" FOR EACH ROW EXECUTE FUNCTION "record_tenant"();

CREATE TABLE "data_return" (
    "local_authority_id" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "organisation_id" UUID NOT NULL,
    "due_on" DATE NOT NULL,
    "received_on" DATE NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    "recorded_by" TEXT NOT NULL,
    CONSTRAINT "data_return_pkey" PRIMARY KEY ("local_authority_id", "period"),
    CONSTRAINT "data_return_local_authority_id_fkey" FOREIGN KEY ("local_authority_id") REFERENCES "local_authority"("id") ON DELETE CASCADE
);

CREATE TABLE "data_return_notice" (
    "local_authority_id" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "organisation_id" UUID NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "data_return_notice_pkey" PRIMARY KEY ("local_authority_id", "period", "kind"),
    CONSTRAINT "data_return_notice_local_authority_id_fkey" FOREIGN KEY ("local_authority_id") REFERENCES "local_authority"("id") ON DELETE CASCADE
);

CREATE TABLE "data_return_rule" (
    "contract_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "due_working_days" INTEGER NOT NULL,
    "reminder_working_days_before" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "data_return_rule_pkey" PRIMARY KEY ("contract_id")
);

DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['local_authority', 'data_return', 'data_return_notice', 'data_return_rule'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY %I ON %I USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid) WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)$p$, t || '_tenant_isolation', t);
    END LOOP;
END;
$$;
