-- Sign-in lockouts are per (person, client address) in Redis now, with back-off, so one stranger can
-- no longer lock a person out everywhere; the account-wide count and lock go.
ALTER TABLE "user_account" DROP COLUMN "failed_sign_ins";
ALTER TABLE "user_account" DROP COLUMN "locked_until";
