-- How many cases each contract line's year holds so far (case entries that correct nothing), kept by a trigger as they are
-- appended: the next case of a fixed-per-year line is priced by its ordinal, which was a count of the year's case entries,
-- read under the line year's lock for every case opened, through the (organisation, contract, occurred_at) index and the
-- heap rows of every entry the contract ever had. Now it is one row. Ledger entries are never deleted or edited (a
-- trigger refuses it), so the count only ever grows, and a corrected case keeps its place as the count did.
CREATE TABLE "line_year_cases" (
    "organisation_id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "service_line" TEXT NOT NULL,
    "contract_year_start" DATE NOT NULL,
    "cases" INTEGER NOT NULL,
    CONSTRAINT "line_year_cases_pkey" PRIMARY KEY ("organisation_id", "contract_id", "service_line", "contract_year_start"),
    CONSTRAINT "line_year_cases_cases_check" CHECK ("cases" >= 0)
);

-- Every case entry counts, as the count did. Only a fixed-per-year line prices cases, and its cases are appended under the
-- line year's advisory lock (taken in the inbox claim, in order), so this row is only ever updated by its lock's holder.
CREATE FUNCTION "count_line_year_case"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "billing"."line_year_cases" AS c ("organisation_id", "contract_id", "service_line", "contract_year_start", "cases")
    VALUES (NEW."organisation_id", NEW."contract_id", NEW."service_line", NEW."contract_year_start", 1)
    ON CONFLICT ("organisation_id", "contract_id", "service_line", "contract_year_start") DO UPDATE SET "cases" = c."cases" + 1;
    RETURN NEW;
END;
$$;
CREATE TRIGGER "ledger_entry_count_line_year_case" AFTER INSERT ON "ledger_entry" FOR EACH ROW
    WHEN (NEW."kind" = 'case' AND NEW."corrects_entry_id" IS NULL) EXECUTE FUNCTION "count_line_year_case"();

-- The years already on the ledger, counted once (as the owner, past the tenant wall).
ALTER TABLE "ledger_entry" NO FORCE ROW LEVEL SECURITY;
INSERT INTO "line_year_cases" ("organisation_id", "contract_id", "service_line", "contract_year_start", "cases")
SELECT "organisation_id", "contract_id", "service_line", "contract_year_start", count(*)::int
  FROM "ledger_entry" WHERE "kind" = 'case' AND "corrects_entry_id" IS NULL
 GROUP BY "organisation_id", "contract_id", "service_line", "contract_year_start";
ALTER TABLE "ledger_entry" FORCE ROW LEVEL SECURITY;

GRANT SELECT, INSERT, UPDATE ON "line_year_cases" TO mediation_app;
ALTER TABLE "line_year_cases" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "line_year_cases" FORCE ROW LEVEL SECURITY;
CREATE POLICY "line_year_cases_tenant_isolation" ON "line_year_cases"
    USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)
    WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid);
