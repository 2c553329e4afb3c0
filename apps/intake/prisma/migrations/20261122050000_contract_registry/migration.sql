-- intake: the contract registry. A contract keeps its current definition (JSONB) and every version of
-- it in contract_version; referrals record the contract version they were validated against and their
-- form answers.
ALTER TABLE "contract" ADD COLUMN "ocid" TEXT;
ALTER TABLE "contract" ALTER COLUMN "template" DROP NOT NULL;
ALTER TABLE "contract" ADD COLUMN "published_version" INTEGER;
ALTER TABLE "contract" ADD COLUMN "definition" JSONB;
ALTER TABLE "contract" ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Contracts made before the registry carried no definition: give them the minimal one they had
-- (reference, title, buyer, no service lines) so they stay readable; they take referrals again once
-- a provider-admin adds service lines with PUT /v1/contracts/{id}.
UPDATE "contract" SET
  "definition" = jsonb_build_object('reference', "reference", 'title', "title", 'buyers', jsonb_build_array(jsonb_build_object('name', "buyer", 'role', 'other')), 'serviceLines', '[]'::jsonb),
  "published_version" = CASE WHEN "status" = 'active' THEN "version" END;
ALTER TABLE "contract" ALTER COLUMN "definition" SET NOT NULL;

CREATE UNIQUE INDEX "contract_organisation_id_ocid_key" ON "contract"("organisation_id", "ocid");

CREATE TABLE "contract_version" (
    "contract_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "organisation_id" UUID NOT NULL,
    "definition" JSONB NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),
    CONSTRAINT "contract_version_pkey" PRIMARY KEY ("contract_id", "version"),
    CONSTRAINT "contract_version_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "contract_version_organisation_id_contract_id_idx" ON "contract_version"("organisation_id", "contract_id");

INSERT INTO "contract_version" ("contract_id", "version", "organisation_id", "definition", "created_by", "created_at", "published_at")
SELECT "id", "version", "organisation_id", "definition", 'migration', "created_at", CASE WHEN "status" = 'active' THEN "created_at" END FROM "contract";

ALTER TABLE "referral" ADD COLUMN "contract_version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "referral" ADD COLUMN "answers" JSONB NOT NULL DEFAULT '{}';

-- The application role reads and writes versions (default privileges cover it too; said explicitly).
GRANT SELECT, INSERT, UPDATE, DELETE ON "contract_version" TO mediation_app;
