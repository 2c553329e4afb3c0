-- identity (gateway): people with roles and local or OIDC sign-in; each organisation's OIDC provider.
CREATE TABLE "user_account" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "roles" TEXT[],
    "status" TEXT NOT NULL DEFAULT 'active',
    "contract_ids" UUID[],
    "password_hash" TEXT,
    "failed_sign_ins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "user_account_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "user_account_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "user_account_organisation_id_email_key" ON "user_account"("organisation_id", "email");

CREATE TABLE "oidc_provider" (
    "organisation_id" UUID NOT NULL,
    "issuer" TEXT NOT NULL,
    "jwks_uri" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "roles_claim" TEXT NOT NULL DEFAULT 'roles',
    "email_claim" TEXT NOT NULL DEFAULT 'email',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "oidc_provider_pkey" PRIMARY KEY ("organisation_id"),
    CONSTRAINT "oidc_provider_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "oidc_provider_issuer_key" ON "oidc_provider"("issuer");
