import type { INestApplicationContext } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { uuidv7, type RpcMeta } from '@mediation/protocol';
import { userInfo } from 'node:os';
import type { AuditRecord } from '../../audit/audit-record';
import { RecordAuditEntryUseCase } from '../../audit/record-audit-entry.use-case';
import { OrganisationRepository, type OrganisationRecord } from '../../organisations/organisation.repository';
import { UsageError } from './command';

/** Who the CLI acts as: the operator's login, so the audit trail says which person ran it. */
export function cliActorId(): string {
  try {
    return `system:cli:${userInfo().username}`;
  } catch {
    return 'system:cli';
  }
}

/** The RPC metadata of a CLI call on behalf of an organisation. */
export function cliMeta(organisationId: string): RpcMeta {
  return { organisationId, actorId: cliActorId(), actorType: 'system', correlationId: uuidv7() };
}

export async function organisationBySlug(app: INestApplicationContext, slug: string): Promise<OrganisationRecord> {
  const organisation = await app.get(OrganisationRepository).findBySlug(slug);
  if (!organisation) throw new UsageError(`no organisation has the slug "${slug}"; check --org, or create it with: org create --name <name> --slug ${slug}`);
  return organisation;
}

/**
 * Runs a CLI write and records it in the organisation's audit trail like a write through the API:
 * the outcome as an HTTP status, failures included. If the entry cannot be written the command fails.
 */
export async function audited<T>(
  app: INestApplicationContext,
  what: { organisationId: string; action: string; resourceType: string; resourceId?: string; created?: boolean },
  work: () => Promise<T>,
  idOf: (result: T) => string | undefined = (result) => (result as { id?: string })?.id,
): Promise<T> {
  const record = (outcome: number, resourceId?: string): AuditRecord => ({
    organisationId: what.organisationId,
    actorId: cliActorId(),
    actorType: 'system',
    action: `cli ${what.action}`,
    resourceType: what.resourceType,
    resourceId: resourceId ?? what.resourceId ?? null,
    outcome,
    userAgent: 'mediation-cli',
    correlationId: uuidv7(),
  });
  const trail = app.get(RecordAuditEntryUseCase);
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await trail.execute(record(error instanceof ProblemError ? error.problem.status : 500));
    throw error;
  }
  try {
    await trail.execute(record(what.created ? 201 : 200, idOf(result)));
  } catch (error) {
    throw new Error(`it was done, but the audit trail could not be written (${(error as Error).message.split('\n')[0]})`);
  }
  return result;
}
