-- notify: texts beside emails. A text delivery's address is an E.164 number; a provider that fills
-- a template of its own (GOV.UK Notify) is given its fields, and the id it gave the text is kept so
-- its delivery receipt can be matched.
ALTER TABLE "delivery" ADD COLUMN "template_fields" JSONB;
ALTER TABLE "delivery" ADD COLUMN "provider_id" TEXT;
-- A text's delivery receipt, once the provider reports a final status (asked for until then).
ALTER TABLE "delivery" ADD COLUMN "receipt_status" TEXT;
ALTER TABLE "delivery" ADD COLUMN "receipt_at" TIMESTAMPTZ(3);
CREATE INDEX "delivery_texts_awaiting_receipt_idx" ON "delivery"("organisation_id", "sent_at") WHERE "channel" = 'sms' AND "status" = 'sent' AND "receipt_status" IS NULL;
