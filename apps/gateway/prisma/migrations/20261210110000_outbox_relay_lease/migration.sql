-- The outbox relay's leader holds this lease and renews it before it runs out (libs/messaging
-- OutboxRelay). A row with an expiry, not a session advisory lock, so leadership survives a
-- transaction-pooling pooler and a leader killed with -9 is replaced once its lease expires.
-- Not a tenant table: it holds no organisation's data, so no row-level security.
CREATE TABLE "outbox_relay_lease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "outbox_relay_lease_pkey" PRIMARY KEY ("name")
);

GRANT SELECT, INSERT, UPDATE, DELETE ON "outbox_relay_lease" TO mediation_app;
