-- Sessional staff paid by the session: the fee per session held, in pence (null: paid by the hour).
-- Scheduling publishes it with each held session (scheduling.session.staff-worked.v1) for billing's statements.
ALTER TABLE "staff" ADD COLUMN "session_fee_pence" INTEGER;
