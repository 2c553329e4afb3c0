-- billing: the contract book's projection, the organisation profile, the cases billing prices, the
-- append-only ledger, invoices (and credit notes) with their lines, the gap-free invoice counter and
-- the spend alerts already sent.
CREATE TABLE "contract_version" (
    "contract_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "organisation_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "template" TEXT,
    "definition" JSONB NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "contract_version_pkey" PRIMARY KEY ("contract_id", "version")
);
CREATE INDEX "contract_version_organisation_id_idx" ON "contract_version"("organisation_id");

CREATE TABLE "organisation_profile" (
    "organisation_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT[] NOT NULL,
    "version" INTEGER NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "organisation_profile_pkey" PRIMARY KEY ("organisation_id")
);

CREATE TABLE "billing_case" (
    "case_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "contract_version" INTEGER NOT NULL,
    "service_line" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "billing_case_pkey" PRIMARY KEY ("case_id")
);
CREATE INDEX "billing_case_organisation_id_contract_id_idx" ON "billing_case"("organisation_id", "contract_id");

CREATE TABLE "ledger_entry" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "contract_version" INTEGER NOT NULL,
    "service_line" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "source_key" TEXT NOT NULL,
    "case_id" UUID,
    "case_reference" TEXT,
    "description" TEXT NOT NULL,
    "amount_pence" INTEGER NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "contract_year_start" DATE NOT NULL,
    "corrects_entry_id" UUID,
    "invoice_id" UUID,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ledger_entry_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ledger_entry_kind_check" CHECK ("kind" IN ('case', 'session', 'did-not-attend', 'instalment', 'credit'))
);
-- A redelivered event, or a second draft of the same period's instalment, finds its key taken.
CREATE UNIQUE INDEX "ledger_entry_organisation_id_source_key_key" ON "ledger_entry"("organisation_id", "source_key");
CREATE INDEX "ledger_entry_organisation_id_contract_id_occurred_at_idx" ON "ledger_entry"("organisation_id", "contract_id", "occurred_at");

-- Append-only: an entry is never deleted and only ever changes which invoice holds it.
CREATE FUNCTION "ledger_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'ledger entries are never deleted; append a credit entry instead' USING ERRCODE = 'check_violation';
    END IF;
    IF (to_jsonb(NEW) - 'invoice_id') IS DISTINCT FROM (to_jsonb(OLD) - 'invoice_id') THEN
        RAISE EXCEPTION 'ledger entries are never edited; append a credit entry instead' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER "ledger_entry_append_only" BEFORE UPDATE OR DELETE ON "ledger_entry" FOR EACH ROW EXECUTE FUNCTION "ledger_entry_append_only"();

CREATE TABLE "invoice" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "contract_version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "number" TEXT,
    "period_from" DATE NOT NULL,
    "period_to" DATE NOT NULL,
    "net_pence" INTEGER NOT NULL,
    "vat_pence" INTEGER NOT NULL,
    "gross_pence" INTEGER NOT NULL,
    "vat_treatment" TEXT NOT NULL,
    "vat_rate_bp" INTEGER NOT NULL,
    "credits_invoice_id" UUID,
    "reason" TEXT,
    "parties" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issued_at" TIMESTAMPTZ(3),
    "due_on" DATE,
    "paid_at" TIMESTAMPTZ(3),
    "voided_at" TIMESTAMPTZ(3),
    CONSTRAINT "invoice_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "invoice_kind_check" CHECK ("kind" IN ('invoice', 'credit-note')),
    CONSTRAINT "invoice_status_check" CHECK ("status" IN ('draft', 'issued', 'paid', 'void')),
    -- A number is given on issue, never to a draft; a draft voided never had one.
    CONSTRAINT "invoice_number_when_issued" CHECK (("status" = 'draft' AND "number" IS NULL) OR ("status" IN ('issued', 'paid') AND "number" IS NOT NULL) OR "status" = 'void'),
    CONSTRAINT "invoice_totals_check" CHECK ("gross_pence" = "net_pence" + "vat_pence")
);
CREATE UNIQUE INDEX "invoice_organisation_id_number_key" ON "invoice"("organisation_id", "number");
CREATE INDEX "invoice_organisation_id_contract_id_period_from_idx" ON "invoice"("organisation_id", "contract_id", "period_from");
-- A period of a contract is invoiced once: two drafts racing for it cannot both stand (void one to redraft).
CREATE UNIQUE INDEX "invoice_one_per_period" ON "invoice"("organisation_id", "contract_id", "period_from") WHERE "kind" = 'invoice' AND "status" <> 'void';

CREATE TABLE "invoice_line" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "invoice_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "case_id" UUID,
    "case_reference" TEXT,
    "ledger_entry_id" UUID,
    "amount_pence" INTEGER NOT NULL,
    CONSTRAINT "invoice_line_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "invoice_line_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "invoice_line_invoice_id_position_key" ON "invoice_line"("invoice_id", "position");

-- An issued invoice or credit note is immutable: only its move issued -> paid or void (when, and why
-- it was voided) may change; a void one never changes again.
CREATE FUNCTION "invoice_issued_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD."status" <> 'draft' THEN
            RAISE EXCEPTION 'an issued invoice is never deleted' USING ERRCODE = 'check_violation';
        END IF;
        RETURN OLD;
    END IF;
    IF OLD."status" = 'draft' THEN
        RETURN NEW;
    END IF;
    IF OLD."status" = 'void'
        OR NOT (NEW."status" = OLD."status" OR (OLD."status" = 'issued' AND NEW."status" IN ('paid', 'void')) OR (OLD."status" = 'paid' AND NEW."status" = 'void'))
        OR (to_jsonb(NEW) - 'status' - 'paid_at' - 'voided_at' - 'reason') IS DISTINCT FROM (to_jsonb(OLD) - 'status' - 'paid_at' - 'voided_at' - 'reason')
        OR (NEW."reason" IS DISTINCT FROM OLD."reason" AND NEW."status" <> 'void') THEN
        RAISE EXCEPTION 'an issued invoice cannot change; issue a credit note' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER "invoice_issued_immutable" BEFORE UPDATE OR DELETE ON "invoice" FOR EACH ROW EXECUTE FUNCTION "invoice_issued_immutable"();

CREATE FUNCTION "invoice_line_issued_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE held TEXT;
BEGIN
    SELECT "status" INTO held FROM "billing"."invoice" WHERE "id" = COALESCE(NEW."invoice_id", OLD."invoice_id");
    IF held IS DISTINCT FROM 'draft' THEN
        RAISE EXCEPTION 'the lines of an issued invoice cannot change' USING ERRCODE = 'check_violation';
    END IF;
    RETURN COALESCE(NEW, OLD);
END;
$$;
CREATE TRIGGER "invoice_line_issued_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "invoice_line" FOR EACH ROW EXECUTE FUNCTION "invoice_line_issued_immutable"();

-- One row per organisation and series (INV, CN), incremented in the issuing transaction: a rolled-back
-- issue gives its number back, so the numbers issued run without gaps.
CREATE TABLE "invoice_counter" (
    "organisation_id" UUID NOT NULL,
    "series" TEXT NOT NULL,
    "last_number" INTEGER NOT NULL,
    CONSTRAINT "invoice_counter_pkey" PRIMARY KEY ("organisation_id", "series")
);

CREATE TABLE "spend_alert" (
    "organisation_id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "contract_year_start" DATE NOT NULL,
    "threshold_percent" INTEGER NOT NULL,
    "spent_pence" INTEGER NOT NULL,
    "limit_pence" INTEGER NOT NULL,
    "crossed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "spend_alert_pkey" PRIMARY KEY ("contract_id", "contract_year_start", "threshold_percent")
);

GRANT SELECT, INSERT, UPDATE ON "contract_version", "organisation_profile", "billing_case", "invoice_counter" TO mediation_app;
GRANT SELECT, INSERT, UPDATE ON "ledger_entry" TO mediation_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "invoice", "invoice_line" TO mediation_app;
GRANT SELECT, INSERT ON "spend_alert" TO mediation_app;

-- The tenant wall, as on every table with organisation_id (tools/db/tenant-wall.int-spec.ts checks).
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['contract_version', 'organisation_profile', 'billing_case', 'ledger_entry', 'invoice', 'invoice_line', 'invoice_counter', 'spend_alert'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY %I ON %I USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid) WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)$p$, t || '_tenant_isolation', t);
    END LOOP;
END;
$$;
