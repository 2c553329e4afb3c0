-- A message the platform did not send because the contact rule refused it is logged on the case, saying
-- why (the summary), never sent. `withheld_key` names the message and party (e.g.
-- `survey:<case>:closure-1:<party>`), so a redelivered event logs each refusal once.
ALTER TABLE "communication" ADD COLUMN "withheld" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "communication" ADD COLUMN "withheld_key" TEXT;
CREATE UNIQUE INDEX "communication_organisation_id_withheld_key_key" ON "communication"("organisation_id", "withheld_key");
