-- The organisation's profile signs its documents and emails: a postal address beside the name (empty: none), a version
-- that orders the profile-changed events, and when the current version was last put on the outbox (NULL:
-- never, so the gateway publishes it at boot, which backfills organisations made before the event existed).
ALTER TABLE "organisation" ADD COLUMN "address" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "organisation" ADD COLUMN "profile_version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "organisation" ADD COLUMN "profile_published_at" TIMESTAMPTZ(3);
