-- A ledger entry's source key is unique within its contract, not within the organisation: `instalment:<line>:<period start>`
-- and `milestone:<line>:<key>` name a service line by its key, and two contracts of one organisation may each have a line of
-- that key (two councils' `housing-asb`), so the second contract's instalment or milestone was skipped as a repeat.
-- No data migration: the new index is looser than the old one, so every existing row satisfies it. The table's row-level
-- security and grants are untouched (only an index changes).
DROP INDEX "ledger_entry_organisation_id_source_key_key";
-- A redelivered event, or a second draft of the same period's instalment, finds its key taken in its contract.
CREATE UNIQUE INDEX "ledger_entry_organisation_id_contract_id_source_key_key" ON "ledger_entry"("organisation_id", "contract_id", "source_key");
