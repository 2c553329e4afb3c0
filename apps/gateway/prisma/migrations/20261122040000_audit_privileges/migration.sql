-- The application role was granted every table of the schema (20261122030000_application_role);
-- audit entries it may only add and read, never change or remove (the trigger refuses that too).
REVOKE UPDATE, DELETE, TRUNCATE ON "audit_entry" FROM mediation_app;
