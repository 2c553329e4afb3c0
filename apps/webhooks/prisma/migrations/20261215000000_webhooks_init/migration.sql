-- webhooks: partners' endpoints, the stored log of public events (pull feed, replay), deliveries and their
-- attempts; with the consumer inbox, and the outbox and relay lease every service has. Every table that
-- carries organisation_id is behind the tenant wall.
CREATE TABLE "endpoint" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "event_types" TEXT[] NOT NULL,
    "contract_id" UUID,
    "description" TEXT,
    "status" TEXT NOT NULL DEFAULT 'active' CHECK ("status" IN ('active', 'disabled')),
    "disabled_reason" TEXT CHECK ("disabled_reason" IN ('manual', 'gone', 'failing')),
    "disabled_at" TIMESTAMPTZ(3),
    "secret" TEXT NOT NULL,
    "previous_secret" TEXT,
    "previous_secret_expires_at" TIMESTAMPTZ(3),
    "failing_since" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "endpoint_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "endpoint_organisation_id_status_idx" ON "endpoint"("organisation_id", "status");

CREATE TABLE "public_event" (
    "position" BIGSERIAL NOT NULL,
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "contract_id" UUID,
    "time" TIMESTAMPTZ(3) NOT NULL,
    "body" JSONB NOT NULL,
    "stored_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "public_event_pkey" PRIMARY KEY ("position")
);
CREATE UNIQUE INDEX "public_event_organisation_id_id_key" ON "public_event"("organisation_id", "id");
CREATE INDEX "public_event_organisation_id_position_idx" ON "public_event"("organisation_id", "position");
CREATE INDEX "public_event_organisation_id_time_idx" ON "public_event"("organisation_id", "time");

CREATE TABLE "delivery" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "endpoint_id" UUID NOT NULL,
    "message_id" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "kind" TEXT NOT NULL CHECK ("kind" IN ('event', 'replay', 'redelivery', 'test')),
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'delivered', 'failed')),
    "attempt_count" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),
    CONSTRAINT "delivery_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "delivery_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "endpoint"("id") ON DELETE CASCADE
);
CREATE INDEX "delivery_endpoint_id_created_at_idx" ON "delivery"("endpoint_id", "created_at");
-- An event reaches an endpoint once however often the consumer sees it (replays and redeliveries are new rows).
CREATE UNIQUE INDEX "delivery_event_once_key" ON "delivery"("endpoint_id", "message_id") WHERE "kind" = 'event';

CREATE TABLE "delivery_attempt" (
    "id" BIGSERIAL NOT NULL,
    "organisation_id" UUID NOT NULL,
    "delivery_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "status_code" INTEGER,
    "duration_ms" INTEGER NOT NULL,
    "response_body" TEXT,
    "error" TEXT,
    CONSTRAINT "delivery_attempt_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "delivery_attempt_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "delivery"("id") ON DELETE CASCADE
);
CREATE INDEX "delivery_attempt_delivery_id_at_idx" ON "delivery_attempt"("delivery_id", "at");

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
CREATE INDEX "outbox_unpublished_idx" ON "outbox"("position") WHERE "published_at" IS NULL;

CREATE TABLE "inbox" (
    "consumer" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "inbox_pkey" PRIMARY KEY ("consumer", "event_id")
);

-- Not a tenant table: the relay's leader lease holds no organisation's data.
CREATE TABLE "outbox_relay_lease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "outbox_relay_lease_pkey" PRIMARY KEY ("name")
);

-- The organisations with endpoints, so the delivery sweeper and the failing-endpoint check run one tenant at a
-- time behind the wall. Only ids; a trigger on endpoint keeps it complete.
CREATE TABLE "tenant" (
    "organisation_id" UUID NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "tenant_pkey" PRIMARY KEY ("organisation_id")
);
CREATE FUNCTION "record_tenant"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "webhooks"."tenant" ("organisation_id") VALUES (NEW."organisation_id") ON CONFLICT DO NOTHING;
    RETURN NEW;
END;
$$;
CREATE TRIGGER "endpoint_record_tenant" AFTER INSERT ON "endpoint" FOR EACH ROW EXECUTE FUNCTION "record_tenant"();

-- The tenant wall: a partner's endpoints, secrets, events and delivery log are its organisation's alone.
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['endpoint', 'public_event', 'delivery', 'delivery_attempt', 'tenant'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY %I ON %I USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid) WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)$p$, t || '_tenant_isolation', t);
    END LOOP;
END;
$$;
CREATE POLICY "tenant_directory" ON "tenant" FOR SELECT USING (true);

-- The service runs as mediation_app: it reads and writes rows, owns nothing, and row-level security applies to it.
GRANT USAGE ON SCHEMA "webhooks" TO mediation_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "webhooks" TO mediation_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA "webhooks" TO mediation_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA "webhooks" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO mediation_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA "webhooks" GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO mediation_app;
REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM mediation_app;
