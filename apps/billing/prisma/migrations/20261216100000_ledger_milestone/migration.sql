-- A fixed fee's payment milestone, charged once when delivered (scheduling.activity.delivered.v1 naming its key).
ALTER TABLE "ledger_entry" DROP CONSTRAINT "ledger_entry_kind_check";
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_kind_check" CHECK ("kind" IN ('case', 'session', 'did-not-attend', 'instalment', 'credit', 'milestone'));
