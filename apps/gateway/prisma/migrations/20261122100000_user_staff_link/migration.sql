-- A person may be linked to their staff profile in scheduling, so a mediator's reads of sensitive case
-- data can be limited to the cases that profile is assigned to (need-to-know). One user per profile in
-- an organisation; NULL (not linked) may repeat.
ALTER TABLE "user_account" ADD COLUMN "staff_id" UUID;
CREATE UNIQUE INDEX "user_account_organisation_id_staff_id_key" ON "user_account"("organisation_id", "staff_id");
