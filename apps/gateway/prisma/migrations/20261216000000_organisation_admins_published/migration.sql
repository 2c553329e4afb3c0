-- When the organisation's provider-admins were first put on the outbox (gateway.organisation.admins-changed.v1, which
-- notify keeps to email them); NULL: never, so the gateway publishes them at boot, which backfills organisations made
-- before the event existed. Later changes publish the list with the change itself.
ALTER TABLE "organisation" ADD COLUMN "admins_published_at" TIMESTAMPTZ(3);
