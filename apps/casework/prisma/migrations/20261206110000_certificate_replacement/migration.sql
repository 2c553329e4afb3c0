-- One current mediation certificate per case: a replacement names the certificate it supersedes and
-- why, and the superseded one says by which and when.
ALTER TABLE "certificate" ADD COLUMN "supersedes_id" UUID;
ALTER TABLE "certificate" ADD COLUMN "replacement_reason" TEXT;
ALTER TABLE "certificate" ADD COLUMN "superseded_by_id" UUID;
ALTER TABLE "certificate" ADD COLUMN "superseded_at" TIMESTAMPTZ(3);

-- Cases that already hold several certificates keep the latest as current; the owner lifts FORCE for this one statement.
ALTER TABLE "certificate" NO FORCE ROW LEVEL SECURITY;
UPDATE "certificate" AS c
   SET "superseded_by_id" = latest."id", "superseded_at" = latest."recorded_at"
  FROM (SELECT DISTINCT ON ("case_id") "id", "case_id", "recorded_at" FROM "certificate" ORDER BY "case_id", "recorded_at" DESC, "id" DESC) AS latest
 WHERE c."case_id" = latest."case_id" AND c."id" <> latest."id";
ALTER TABLE "certificate" FORCE ROW LEVEL SECURITY;

-- Two certificates issued at the same moment cannot both be current: PostgreSQL refuses the second.
CREATE UNIQUE INDEX "certificate_current_per_case" ON "certificate"("case_id") WHERE "superseded_by_id" IS NULL;
