-- What kind of body made the referral (police, court, council, ...): a service line takes referrals only
-- from the kinds its `referrers` name. NULL on referrals made before it was asked.
ALTER TABLE "referral" ADD COLUMN "referrer_type" TEXT;
