-- notify: deliveries, with the transactional outbox and the consumer inbox.
CREATE TABLE "delivery" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "to_address" TEXT NOT NULL,
    "subject_line" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "referral_id" UUID,
    "source_event_id" UUID NOT NULL,
    "correlation_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "delivery_pkey" PRIMARY KEY ("id")
);
-- One event yields one delivery of each kind.
CREATE UNIQUE INDEX "delivery_source_event_id_kind_key" ON "delivery"("source_event_id", "kind");
-- The sweeper reads pending deliveries, oldest first.
CREATE INDEX "delivery_status_created_at_idx" ON "delivery"("status", "created_at");

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
