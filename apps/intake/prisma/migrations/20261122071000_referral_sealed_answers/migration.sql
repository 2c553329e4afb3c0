-- Special-category and criminal-offence answers are kept sealed (AES-256-GCM, FieldCipher) in
-- "sealed_answers"; "answers" keeps only the others. "answers_key_id" names the key that sealed them:
-- NULL marks a row written before this migration, whose plaintext answers intake's answer-sealing job
-- splits and seals at start (SQL cannot: the keys live only in the service's configuration); a key id
-- other than the current one marks a row the same job re-encrypts after a key rotation.
ALTER TABLE "referral" ADD COLUMN "sealed_answers" TEXT;
ALTER TABLE "referral" ADD COLUMN "answers_key_id" TEXT;
CREATE INDEX "referral_answers_key_id_idx" ON "referral"("answers_key_id");
