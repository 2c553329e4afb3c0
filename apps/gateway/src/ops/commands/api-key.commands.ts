import { ALL_SCOPES, type Scope } from '@mediation/protocol';
import { IssueApiKeyUseCase } from '../../organisations/issue-api-key.use-case';
import { audited, organisationBySlug } from './cli-actor';
import { defineCommand, list, optional, required, UsageError } from './command';
import { RevokeApiKeyUseCase } from '../../api-keys/revoke-api-key.use-case';
import { ApiKeyOwnerRepository } from './api-key-owner.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseScopes(value: string | undefined): Scope[] | undefined {
  if (value === undefined) return undefined;
  const scopes = list(value);
  const unknown = scopes.filter((scope) => !(ALL_SCOPES as readonly string[]).includes(scope));
  if (scopes.length === 0) throw new UsageError('--scopes must name at least one scope');
  if (unknown.length > 0) throw new UsageError(`--scopes: unknown scope ${unknown.join(', ')}; the scopes are ${ALL_SCOPES.join(', ')}`);
  return [...new Set(scopes)] as Scope[];
}

/** `2027-01-01` (midnight UTC) or a full timestamp; it must lie in the future. */
function parseExpiry(value: string | undefined, now = new Date()): Date | undefined {
  if (value === undefined) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value))
    throw new UsageError(`--expires must be a date like 2027-01-01 or 2027-01-01T09:00:00Z, not "${value}"`);
  if (date <= now) throw new UsageError(`--expires must be in the future, not ${date.toISOString()}`);
  return date;
}

export const apiKeyCreate = defineCommand({
  group: 'api-key',
  verb: 'create',
  summary: 'Issue an API key for an integration; the token is shown once.',
  options: {
    org: { type: 'string', value: '<slug>', required: true, description: 'The organisation the key acts for.' },
    name: { type: 'string', value: '<name>', required: true, description: 'What the key is for, e.g. "council case system".' },
    scopes: { type: 'string', value: '<a,b>', description: `What it may do, comma-separated (default: every scope): ${ALL_SCOPES.join(', ')}.` },
    expires: { type: 'string', value: '<date>', description: 'When it stops working, e.g. 2027-01-01 (default: until revoked).' },
  },
  needs: 'database',
  parse: (values) => ({
    org: required(values, 'org'),
    name: required(values, 'name'),
    scopes: parseScopes(optional(values, 'scopes')),
    expiresAt: parseExpiry(optional(values, 'expires')),
  }),
  run: async (app, input) => {
    const organisation = await organisationBySlug(app, input.org);
    const key = await audited(app, { organisationId: organisation.id, action: 'api-key create', resourceType: 'api-key', created: true }, () =>
      app.get(IssueApiKeyUseCase).execute({ organisationId: organisation.id, name: input.name, scopes: input.scopes, expiresAt: input.expiresAt }),
    );
    return {
      lines: [
        `issued API key ${key.id} for ${organisation.slug} with scopes ${key.scopes.join(', ')}${input.expiresAt ? `, expiring ${input.expiresAt.toISOString()}` : ''}`,
        'token (shown this once; store it now):',
        key.token,
      ],
      json: { id: key.id, organisationId: organisation.id, token: key.token, scopes: key.scopes, expiresAt: input.expiresAt?.toISOString() ?? null },
    };
  },
});

export const apiKeyRevoke = defineCommand({
  group: 'api-key',
  verb: 'revoke',
  summary: 'Revoke an API key at once; requests with it get 401 from then on.',
  options: { id: { type: 'string', value: '<uuid>', required: true, description: 'The key id (printed by api-key create).' } },
  needs: 'database',
  parse: (values) => {
    const id = required(values, 'id');
    if (!UUID.test(id)) throw new UsageError(`--id must be an API key id (a UUID), not "${id}"`);
    return { id };
  },
  run: async (app, input) => {
    const organisationId = await app.get(ApiKeyOwnerRepository).organisationOf(input.id);
    if (!organisationId) throw new UsageError(`no API key has the id ${input.id}; check --id`);
    const revoked = await audited(app, { organisationId, action: 'api-key revoke', resourceType: 'api-key', resourceId: input.id }, () =>
      app.get(RevokeApiKeyUseCase).execute(organisationId, input.id),
    );
    return {
      lines: [`revoked API key ${revoked.id} (${revoked.name}) at ${revoked.revokedAt?.toISOString()}`],
      json: { id: revoked.id, organisationId, name: revoked.name, revokedAt: revoked.revokedAt?.toISOString() ?? null },
    };
  },
});

export const forTesting = { parseScopes, parseExpiry };
