-- A platform message notify gave up on (notify.delivery.failed.v1) is logged too, marked as failed, so the
-- communications log shows what was tried and did not arrive. Adding a column with a default rewrites no
-- row through the append-only trigger: every earlier entry is one that happened.
ALTER TABLE "communication" ADD COLUMN "failed" BOOLEAN NOT NULL DEFAULT false;
