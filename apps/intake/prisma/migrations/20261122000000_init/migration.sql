-- intake: contracts and referrals, with the transactional outbox and the consumer inbox.
CREATE TABLE "contract" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "buyer" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "contract_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "contract_organisation_id_reference_key" ON "contract"("organisation_id", "reference");

CREATE SEQUENCE "referral_number_seq";

CREATE TABLE "referral" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "contract_id" UUID NOT NULL,
    "number" BIGINT NOT NULL,
    "reference" TEXT NOT NULL,
    "service_line" TEXT NOT NULL,
    "external_reference" TEXT,
    "referrer" JSONB NOT NULL,
    "parties" JSONB NOT NULL,
    "summary" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "case_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "referral_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "referral_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "referral_organisation_id_reference_key" ON "referral"("organisation_id", "reference");
CREATE INDEX "referral_organisation_id_contract_id_idx" ON "referral"("organisation_id", "contract_id");

CREATE TABLE "outbox" (
    "position" BIGSERIAL NOT NULL,
    "id" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "envelope" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),
    CONSTRAINT "outbox_pkey" PRIMARY KEY ("position")
);
CREATE UNIQUE INDEX "outbox_id_key" ON "outbox"("id");
-- The relay reads only unpublished rows, in order.
CREATE INDEX "outbox_unpublished_idx" ON "outbox"("position") WHERE "published_at" IS NULL;

CREATE TABLE "inbox" (
    "consumer" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "inbox_pkey" PRIMARY KEY ("consumer", "event_id")
);
