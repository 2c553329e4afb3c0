-- identity (gateway): the audit trail, append-only and hash-chained per organisation.
CREATE TABLE "audit_entry" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "sequence" BIGINT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_type" TEXT NOT NULL,
    "actor_roles" TEXT[],
    "action" TEXT NOT NULL,
    "resource_type" TEXT,
    "resource_id" TEXT,
    "outcome" INTEGER NOT NULL,
    "client_ip" TEXT,
    "user_agent" TEXT,
    "correlation_id" TEXT,
    "access_reason" TEXT,
    "data_categories" TEXT[],
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "audit_entry_organisation_id_sequence_key" ON "audit_entry"("organisation_id", "sequence");
CREATE INDEX "audit_entry_organisation_id_actor_id_idx" ON "audit_entry"("organisation_id", "actor_id");
CREATE INDEX "audit_entry_organisation_id_resource_type_resource_id_idx" ON "audit_entry"("organisation_id", "resource_type", "resource_id");
CREATE INDEX "audit_entry_organisation_id_occurred_at_idx" ON "audit_entry"("organisation_id", "occurred_at");

CREATE TABLE "audit_chain_head" (
    "organisation_id" UUID NOT NULL,
    "last_sequence" BIGINT NOT NULL,
    "last_hash" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "audit_chain_head_pkey" PRIMARY KEY ("organisation_id")
);

-- Append-only in the database too: whoever connects, an entry cannot be changed or removed
-- without first disabling these triggers, which only the table owner or a superuser can do.
CREATE FUNCTION "audit_entry_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "audit_entry_no_update_or_delete" BEFORE UPDATE OR DELETE ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION "audit_entry_is_append_only"();
CREATE TRIGGER "audit_entry_no_truncate" BEFORE TRUNCATE ON "audit_entry" FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_is_append_only"();

-- And in its privileges: nobody but the owner may change entries; the application role may only add and read.
REVOKE UPDATE, DELETE, TRUNCATE ON "audit_entry" FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mediation_app') THEN
        GRANT SELECT, INSERT ON "audit_entry" TO mediation_app;
        REVOKE UPDATE, DELETE, TRUNCATE ON "audit_entry" FROM mediation_app;
        GRANT SELECT, INSERT, UPDATE ON "audit_chain_head" TO mediation_app;
    END IF;
END;
$$;
