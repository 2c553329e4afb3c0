-- A witness statement refers to exhibits (its own list, in the order it mentions them).
ALTER TABLE "evidence_item" ADD COLUMN "refers_to" UUID[] NOT NULL DEFAULT ARRAY[]::UUID[];
