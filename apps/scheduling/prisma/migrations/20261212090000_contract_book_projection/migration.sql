-- The contract book (libs/contract-book) keeps the same projection table in every service that reads
-- contracts: scheduling's now matches casework's (recorded_at, and an index by organisation).
ALTER TABLE "contract_version" RENAME COLUMN "received_at" TO "recorded_at";
CREATE INDEX "contract_version_organisation_id_idx" ON "contract_version"("organisation_id");
