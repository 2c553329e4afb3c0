-- Retention of the public event log: the daily purge runs one organisation at a time from "tenant", so an
-- organisation with stored events but no endpoint (it only pulls the feed) must be there too.
CREATE TRIGGER "public_event_record_tenant" AFTER INSERT ON "public_event" FOR EACH ROW EXECUTE FUNCTION "record_tenant"();

-- The organisations whose events were stored before this trigger. Both tables force row-level security on their
-- owner too, so it is lifted for this one statement and put back.
ALTER TABLE "public_event" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "tenant" NO FORCE ROW LEVEL SECURITY;
INSERT INTO "tenant" ("organisation_id") SELECT DISTINCT "organisation_id" FROM "public_event" ON CONFLICT DO NOTHING;
ALTER TABLE "public_event" FORCE ROW LEVEL SECURITY;
ALTER TABLE "tenant" FORCE ROW LEVEL SECURITY;
