-- A link put into the body when sending, by reference, e.g. {"kind": "survey-link", "surveyId": ...}:
-- casework makes the survey link at send time, so the working link is kept only in the email itself.
ALTER TABLE "delivery" ADD COLUMN "link" JSONB;
