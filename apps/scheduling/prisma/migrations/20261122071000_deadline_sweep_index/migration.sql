-- The sweeper reads only the provider's pending clocks by due time; with 100k pending rows a partial
-- index keeps each minute's sweep to the few rows that are due.
CREATE INDEX "deadline_pending_provider_due_idx" ON "deadline"("due_at") WHERE "status" = 'pending' AND "kind" = 'provider';
