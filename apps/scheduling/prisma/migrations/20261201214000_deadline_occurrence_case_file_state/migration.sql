-- A repeating rule (e.g. the case report after each closure of a reopened case) gets one clock per
-- occurrence: the unique key moves from (case, rule) to (case, rule, occurrence), so a redelivered
-- start event still finds the clock it made and a later start after it settled makes the next one.
ALTER TABLE "deadline" ADD COLUMN "occurrence" INTEGER NOT NULL DEFAULT 1;
DROP INDEX "deadline_organisation_id_case_id_rule_key";
CREATE UNIQUE INDEX "deadline_organisation_id_case_id_rule_occurrence_key" ON "deadline"("organisation_id", "case_id", "rule", "occurrence");

-- The case file knows whether its case is open (closed and ended cases leave caseloads), and the
-- case versions it last applied, so a late dates change or closure cannot undo a newer one.
ALTER TABLE "case_file"
    ADD COLUMN "dates_sequence" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "status" TEXT NOT NULL DEFAULT 'open',
    ADD COLUMN "status_sequence" INTEGER NOT NULL DEFAULT 0;
