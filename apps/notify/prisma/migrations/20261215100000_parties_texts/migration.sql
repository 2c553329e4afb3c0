-- notify: texts beside emails. A text delivery's address is an E.164 number; a provider that fills
-- a template of its own (GOV.UK Notify) is given its fields, and the id it gave the text is kept so
-- its delivery receipt can be matched.
ALTER TABLE "delivery" ADD COLUMN "template_fields" JSONB;
ALTER TABLE "delivery" ADD COLUMN "provider_id" TEXT;
