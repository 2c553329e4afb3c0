import { Injectable } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { ProblemError } from '@mediation/platform';
import { Rpc, type RpcMeta } from '@mediation/protocol';
import { UserRepository } from './user.repository';

const invalid = (message: string, code: string) =>
  new ProblemError({
    type: 'https://mediation.example/problems/staff-link',
    title: 'Cannot link that staff profile',
    status: 422,
    detail: `staffId ${message}.`,
    errors: [{ field: 'staffId', message, code }],
  });

export const staffAlreadyLinked = (email: string) => invalid(`is already linked to ${email}; unlink it there first`, 'staff-already-linked');

/**
 * A person may be linked only to a staff profile scheduling really holds for their organisation, and
 * that no other user of it is linked to: need-to-know follows this link, so a dead or shared one would
 * either lock a mediator out of their own cases or open someone else's.
 */
@Injectable()
export class StaffLinks {
  constructor(
    private readonly rpc: RpcClient,
    private readonly users: UserRepository,
  ) {}

  async assertLinkable(meta: RpcMeta, staffId: string, userId: string): Promise<void> {
    const staff = await this.rpc.call(Rpc.scheduling.getStaff, { ...meta, restrictToContracts: undefined }, { staffId }).catch((error: unknown) => {
      if (error instanceof ProblemError && error.problem.status === 404) throw invalid('is not a staff profile of your organisation', 'unknown-staff');
      throw error;
    });
    // Scheduling's own record of the account (staff.userId) must not name somebody else.
    if (staff.userId !== null && staff.userId !== userId) throw invalid('is the staff profile of another user account', 'staff-of-another-user');
    const holder = await this.users.findByStaffId(meta.organisationId, staffId);
    if (holder && holder.id !== userId) throw staffAlreadyLinked(holder.email);
  }

  /** After a unique violation on a write that links `staffId`: if another user now holds the link (a race), the same 422 as when checked first. */
  async refuseIfLinkTaken(organisationId: string, staffId: string | null | undefined, error: unknown): Promise<void> {
    if (!staffId || (error as { code?: string }).code !== 'P2002') return;
    const holder = await this.users.findByStaffId(organisationId, staffId);
    if (holder) throw staffAlreadyLinked(holder.email);
  }
}
