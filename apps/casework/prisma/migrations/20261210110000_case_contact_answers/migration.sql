-- The referral's yes/no answers the line's contact permissions read (e.g. victimContactAllowed), as flags:
-- casework keeps no referral answers, but its contact rule needs these to decide who may be contacted.
ALTER TABLE "case" ADD COLUMN "contact_answers" JSONB NOT NULL DEFAULT '{}';
