-- The case report issued at each closure, and the satisfaction survey sent to the parties.

-- The PDF is kept as issued, with its hash, so the copy a referrer holds can be proved the same.
CREATE TABLE "case_report" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL REFERENCES "case"("id") ON DELETE CASCADE,
    "contract_id" UUID NOT NULL,
    -- 1 for the first closure, 2 after a reopening: one report per closure.
    "closure" INTEGER NOT NULL,
    "filename" TEXT NOT NULL,
    "pdf" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "recipient_name" TEXT,
    "recipient_email" TEXT,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    -- When notify's SMTP server accepted the email carrying it.
    "sent_at" TIMESTAMPTZ(3),
    CONSTRAINT "case_report_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "case_report_case_id_closure_key" ON "case_report"("case_id", "closure");
CREATE INDEX "case_report_organisation_id_case_id_idx" ON "case_report"("organisation_id", "case_id");

CREATE TABLE "survey_invitation" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL REFERENCES "case"("id") ON DELETE CASCADE,
    "contract_id" UUID NOT NULL,
    "closure" INTEGER NOT NULL,
    "party_id" UUID NOT NULL,
    "party_role" TEXT NOT NULL,
    "party_name" TEXT NOT NULL,
    -- The questions as asked, so changing the question set later does not change what was asked.
    "title" TEXT NOT NULL,
    "questions" JSONB NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "responded_at" TIMESTAMPTZ(3),
    CONSTRAINT "survey_invitation_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "survey_invitation_case_id_closure_party_id_key" ON "survey_invitation"("case_id", "closure", "party_id");

-- One response per invitation: the primary key is the invitation.
CREATE TABLE "survey_response" (
    "survey_id" UUID NOT NULL REFERENCES "survey_invitation"("id") ON DELETE CASCADE,
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "answers" JSONB NOT NULL,
    "responded_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "survey_response_pkey" PRIMARY KEY ("survey_id")
);
CREATE INDEX "survey_response_case_id_idx" ON "survey_response"("case_id");

-- The public survey route knows only the token, not the tenant: this lookup holds no personal data
-- (a hash, an organisation and an id), so it sits outside the wall and names the tenant to use.
CREATE TABLE "survey_token" (
    "token_sha256" TEXT NOT NULL,
    "organisation_id" UUID NOT NULL,
    "survey_id" UUID NOT NULL,
    CONSTRAINT "survey_token_pkey" PRIMARY KEY ("token_sha256")
);
CREATE UNIQUE INDEX "survey_token_survey_id_key" ON "survey_token"("survey_id");

DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['case_report', 'survey_invitation', 'survey_response'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY %I ON %I USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid) WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)$p$, t || '_tenant_isolation', t);
    END LOOP;
END;
$$;
