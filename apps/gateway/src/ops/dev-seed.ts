import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { RpcClient } from '@mediation/messaging';
import { failBoot } from '@mediation/platform';
import { Rpc, uuidv7 } from '@mediation/protocol';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gatewayInfrastructure } from '../app.module';
import { hashSecret, parseApiKey } from '../auth/api-key';
import { ApiKeyRepository } from '../auth/api-key.repository';
import { Authority } from '../auth/authority';
import { loadGatewayConfig } from '../config/gateway.config';
import { CreateOrganisationUseCase } from '../organisations/create-organisation.use-case';
import { IssueApiKeyUseCase } from '../organisations/issue-api-key.use-case';
import { OrganisationsModule } from '../organisations/organisations.module';
import { CreateUserUseCase } from '../users/create-user.use-case';
import { UsersModule } from '../users/users.module';

export interface DevCredentials {
  organisationId: string;
  organisationName: string;
  apiKey: string;
  /** A provider-admin who signs in at POST /v1/sign-in with the organisation's slug. */
  organisationSlug?: string;
  adminEmail?: string;
  adminPassword?: string;
  contractId: string;
  apiUrl: string;
  docsUrl: string;
  mailUrl?: string;
}

/**
 * Development only: a demo organisation, an API key with every scope and a demo contract, written
 * to a git-ignored file. Run again, it reuses what the file names while the key still works.
 */
async function seed(out: string, urls: { apiUrl: string; mailUrl?: string }): Promise<DevCredentials> {
  const config = loadGatewayConfig();
  if (config.NODE_ENV === 'production') throw new Error('the development seed never runs in production');

  @Module({ imports: [...gatewayInfrastructure(config), OrganisationsModule, UsersModule] })
  class SeedModule {}

  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    if (existsSync(out)) {
      const existing = JSON.parse(readFileSync(out, 'utf8')) as DevCredentials;
      const parsed = parseApiKey(existing.apiKey ?? '');
      if (parsed && (await app.get(ApiKeyRepository).findPresented(parsed.keyId, hashSecret(config.API_KEY_PEPPER, parsed.secret))))
        return { ...existing, ...urls, docsUrl: `${urls.apiUrl}/docs` };
    }
    const organisation = await app.get(CreateOrganisationUseCase).execute({ name: 'Demo Mediation Ltd', slug: `demo-${randomBytes(3).toString('hex')}` });
    const key = await app.get(IssueApiKeyUseCase).execute({ organisationId: organisation.id, name: 'development key' });
    const meta = { organisationId: organisation.id, actorId: 'system:dev-seed', actorType: 'system' as const, correlationId: uuidv7() };
    const contract = await app.get(RpcClient).call(
      Rpc.intake.createContract,
      meta,
      {
        reference: 'DEMO-ASB-001',
        title: 'Housing mediation services (demo)',
        template: 'housing-asb',
        buyer: 'Demo Borough Council',
        // Active at once, so the demo (and the end-to-end suites) can send referrals straight away.
        publish: true,
      },
      15_000,
    );
    const admin = { email: 'admin@demo.example', password: randomBytes(12).toString('base64url') };
    await app.get(CreateUserUseCase).execute(meta, { ...admin, name: 'Demo Administrator', roles: ['provider-admin'], contractIds: [] }, Authority.operator);
    return {
      organisationId: organisation.id,
      organisationName: organisation.name,
      organisationSlug: organisation.slug,
      adminEmail: admin.email,
      adminPassword: admin.password,
      apiKey: key.token,
      contractId: contract.id,
      ...urls,
      docsUrl: `${urls.apiUrl}/docs`,
    };
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  const arg = (name: string) => {
    const index = process.argv.indexOf(`--${name}`);
    return index > 0 ? process.argv[index + 1] : undefined;
  };
  const out = path.resolve(arg('out') ?? '.data/dev-credentials.json');
  seed(out, { apiUrl: arg('api-url') ?? 'http://localhost:3000', mailUrl: arg('mail-url') })
    .then((credentials) => {
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
      process.stdout.write(`dev credentials written to ${out}\n`);
      process.exit(0);
    })
    .catch((error) => failBoot('dev-seed', error));
}
