-- A complaint carries the dates its line's complaints policy set when it was received (acknowledge by,
-- respond by, and what the response is counted from), so late and overdue complaints can be shown for the
-- monthly review (housing spec §10.3). Complaints recorded before keep null dates: no policy was applied.
ALTER TABLE "complaint" ADD COLUMN "acknowledge_by" TIMESTAMPTZ(3);
ALTER TABLE "complaint" ADD COLUMN "respond_by" TIMESTAMPTZ(3);
ALTER TABLE "complaint" ADD COLUMN "respond_from" TEXT;
CREATE INDEX "complaint_organisation_id_status_idx" ON "complaint"("organisation_id", "status");
