-- The deadline engine: scheduling's own projection of contract versions and case facts, and
-- deadlines that carry their rule, so they can be recomputed when a date on the case moves.
CREATE TABLE "contract_version" (
    "organisation_id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "template" TEXT,
    "definition" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "contract_version_pkey" PRIMARY KEY ("contract_id", "version")
);

CREATE TABLE "case_file" (
    "case_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "contract_version" INTEGER NOT NULL,
    "service_line" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "clock_starts_at" TIMESTAMPTZ(3) NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "dates" JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "case_file_pkey" PRIMARY KEY ("case_id")
);

CREATE TABLE "case_assignment" (
    "assignment_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "staff_id" UUID NOT NULL,
    "role" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "assigned_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    CONSTRAINT "case_assignment_pkey" PRIMARY KEY ("assignment_id")
);
CREATE INDEX "case_assignment_case_id_idx" ON "case_assignment"("case_id");

-- A deadline waiting for a date (e.g. no hearing date yet) has no due time.
ALTER TABLE "deadline" ALTER COLUMN "due_at" DROP NOT NULL;
ALTER TABLE "deadline"
    ADD COLUMN "label" TEXT NOT NULL DEFAULT '',
    ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'provider',
    ADD COLUMN "basis_source" JSONB,
    ADD COLUMN "stop_event" TEXT,
    ADD COLUMN "rule_definition" JSONB,
    ADD COLUMN "awaiting_field" TEXT,
    ADD COLUMN "met_at" TIMESTAMPTZ(3),
    ADD COLUMN "late" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "revision" INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN "reminders_at" TIMESTAMPTZ(3)[] NOT NULL DEFAULT '{}',
    ADD COLUMN "reminders_sent" INTEGER[] NOT NULL DEFAULT '{}';
CREATE INDEX "deadline_case_id_idx" ON "deadline"("case_id");
