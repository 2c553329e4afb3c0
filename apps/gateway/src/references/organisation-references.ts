import { Injectable } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { ProblemError } from '@mediation/platform';
import { Rpc, type RpcMeta, type StaffView } from '@mediation/protocol';
import { UserRepository } from '../users/user.repository';

/** The owner said it has no such row in the caller's organisation: another organisation's id is not found either. */
const unknownAs = (field: string, message: string, code: string) => (error: unknown) => {
  if (error instanceof ProblemError && error.problem.status === 404) throw ProblemError.unknownReference(field, message, code);
  throw error;
};

/**
 * Ids a request body carries, resolved inside the caller's organisation before anything stores them,
 * each by the service that owns its table (the gateway owns people). One that does not resolve,
 * another organisation's included, is a 422 naming the field.
 */
@Injectable()
export class OrganisationReferences {
  constructor(
    private readonly rpc: RpcClient,
    private readonly users: UserRepository,
  ) {}

  /** A staff profile, from scheduling. */
  staff(meta: RpcMeta, staffId: string, field: string): Promise<StaffView> {
    return this.rpc.call(Rpc.scheduling.getStaff, meta, { staffId }).catch(unknownAs(field, 'is not a member of your staff', 'unknown_staff'));
  }

  /** A case, from casework (within the caller's contracts, when they are limited to some). */
  async case(meta: RpcMeta, caseId: string, field: string): Promise<void> {
    await this.rpc.call(Rpc.casework.getCase, meta, { caseId }).catch(unknownAs(field, 'is not a case of your organisation', 'unknown_case'));
  }

  /** A person's account, from the gateway's own records. */
  async user(meta: RpcMeta, userId: string, field: string): Promise<void> {
    if (!(await this.users.find(meta.organisationId, userId))) throw ProblemError.unknownReference(field, 'is not a user of your organisation', 'unknown_user');
  }
}
