-- A case keeps the contract version its referral was made under (null for cases opened before v2 events).
ALTER TABLE "case" ADD COLUMN "contract_version" INTEGER;
