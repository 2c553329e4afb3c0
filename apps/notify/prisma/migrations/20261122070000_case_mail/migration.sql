-- Case emails: the case a delivery concerns (casework logs it), what it carries attached, and one
-- delivery per recipient of an event (a deadline reminder goes to everyone on the case).
ALTER TABLE "delivery" ADD COLUMN "case_id" UUID;
-- A reference, e.g. {"kind": "case-report", "caseId": ..., "reportId": ...}: the file is fetched when
-- sending, so the PDF is kept once, by casework, and not again here.
ALTER TABLE "delivery" ADD COLUMN "attachment" JSONB;

DROP INDEX "delivery_source_event_id_kind_key";
CREATE UNIQUE INDEX "delivery_source_event_id_kind_to_address_key" ON "delivery"("source_event_id", "kind", "to_address");
