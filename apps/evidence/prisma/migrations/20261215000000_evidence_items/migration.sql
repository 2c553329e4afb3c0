-- evidence: items (one exhibit of a case), their stored versions (every file is a new object, never
-- overwritten), the per-case exhibit counters (JS/1, JS/2, AB/1) and the append-only custody log.
CREATE TABLE "evidence_item" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "exhibit_ref" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "produced_by" TEXT NOT NULL,
    "captured_at" TIMESTAMPTZ(3),
    "captured_where" TEXT,
    "source" TEXT,
    "current_version" INTEGER NOT NULL DEFAULT 1,
    -- A redacted copy names the item it was made from; the original is kept.
    "redacted_from_id" UUID,
    "on_hold" BOOLEAN NOT NULL DEFAULT false,
    -- Set when retention deleted the stored objects; the row and its custody log stay as the record.
    "objects_deleted_at" TIMESTAMPTZ(3),
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "evidence_item_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "evidence_item_exhibit_key" ON "evidence_item"("organisation_id", "case_id", "exhibit_ref");
CREATE INDEX "evidence_item_case_idx" ON "evidence_item"("organisation_id", "case_id");

CREATE TABLE "evidence_version" (
    "item_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "organisation_id" UUID NOT NULL,
    "storage_key" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size_bytes" BIGINT NOT NULL,
    "media_type" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "evidence_version_pkey" PRIMARY KEY ("item_id", "version"),
    CONSTRAINT "evidence_version_item_fkey" FOREIGN KEY ("item_id") REFERENCES "evidence_item"("id") ON DELETE RESTRICT
);
CREATE UNIQUE INDEX "evidence_version_storage_key" ON "evidence_version"("storage_key");

CREATE TABLE "exhibit_counter" (
    "organisation_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "initials" TEXT NOT NULL,
    "last" INTEGER NOT NULL,
    CONSTRAINT "exhibit_counter_pkey" PRIMARY KEY ("organisation_id", "case_id", "initials")
);

CREATE TABLE "custody_entry" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "version" INTEGER,
    "actor_id" TEXT NOT NULL,
    "actor_type" TEXT NOT NULL,
    "reason" TEXT,
    "sha256" TEXT,
    "detail" JSONB,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "custody_entry_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "custody_entry_item_fkey" FOREIGN KEY ("item_id") REFERENCES "evidence_item"("id") ON DELETE RESTRICT
);
CREATE INDEX "custody_entry_item_idx" ON "custody_entry"("organisation_id", "item_id", "occurred_at");

-- The custody log is append-only: no role may change or remove an entry, not even the owner by mistake.
CREATE FUNCTION "refuse_custody_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the custody log is append-only';
END;
$$;
CREATE TRIGGER "custody_entry_append_only" BEFORE UPDATE OR DELETE ON "custody_entry" FOR EACH ROW EXECUTE FUNCTION "refuse_custody_change"();
CREATE TRIGGER "custody_entry_no_truncate" BEFORE TRUNCATE ON "custody_entry" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_custody_change"();
REVOKE UPDATE, DELETE, TRUNCATE ON "custody_entry" FROM mediation_app;
-- A stored version is never rewritten: a new file is a new row and a new object.
REVOKE UPDATE, DELETE, TRUNCATE ON "evidence_version" FROM mediation_app;

DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['evidence_item', 'evidence_version', 'exhibit_counter', 'custody_entry'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY %I ON %I USING ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid) WITH CHECK ("organisation_id" = NULLIF(current_setting('app.organisation_id', true), '')::uuid)$p$, t || '_tenant_isolation', t);
    END LOOP;
END;
$$;
