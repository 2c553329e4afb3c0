import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { Clock, ProblemError, parseOrThrow } from '@mediation/platform';
import { inContractScope, ReferralReceivedV2, uuidv7, type ContractDefinition, type CreateReferralBody, type ReferralView, type RpcMeta } from '@mediation/protocol';
import { ContractRepository } from '../contracts/contract.repository';
import { compileReferralForm } from '../contracts/form-schema';
import { IntakeDatabase } from '../database/intake.database';
import { ReferralRepository } from './referral.repository';
import { referralReference, toReferralView } from './referral.view';

@Injectable()
export class SubmitReferralUseCase {
  constructor(
    private readonly db: IntakeDatabase,
    private readonly contracts: ContractRepository,
    private readonly referrals: ReferralRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(meta: RpcMeta, body: CreateReferralBody): Promise<ReferralView> {
    const contract = await this.contracts.findById(meta.organisationId, body.contractId);
    if (!contract || !inContractScope(meta, contract.id)) throw ProblemError.validation([{ field: 'contractId', message: 'is not a contract of your organisation', code: 'unknown_contract' }]);
    if (contract.status !== 'active') throw ProblemError.validation([{ field: 'contractId', message: `the contract is ${contract.status} and takes no referrals`, code: 'contract_not_active' }]);

    // An active contract's current version is its published one: edits to it are published at once.
    const definition = contract.definition as ContractDefinition;
    const line = body.serviceLine ? definition.serviceLines.find((l) => l.key === body.serviceLine) : definition.serviceLines[0];
    if (!line) {
      const known = definition.serviceLines.map((l) => l.key).join(', ') || 'none';
      throw ProblemError.validation([{ field: 'serviceLine', message: `is not a service line of this contract (it has: ${known})`, code: 'unknown_service_line' }]);
    }
    const answers = parseOrThrow(compileReferralForm(line.form), body.answers ?? {}, 'answers') as Record<string, string | number | boolean>;

    const receivedAt = this.clock.now();
    return this.db.run(async (tx) => {
      const number = await this.referrals.nextNumber(tx);
      const referral = await this.referrals.create(tx, {
        id: uuidv7(),
        organisationId: meta.organisationId,
        contractId: contract.id,
        contractVersion: contract.version,
        number,
        reference: referralReference(receivedAt, number),
        serviceLine: line.key,
        externalReference: body.externalReference ?? null,
        referrer: body.referrer,
        parties: body.parties,
        summary: body.summary,
        answers,
        status: 'received',
        receivedAt,
      });
      await this.events.append(tx, {
        definition: ReferralReceivedV2,
        data: {
          referralId: referral.id,
          reference: referral.reference,
          contractId: contract.id,
          serviceLine: referral.serviceLine,
          ...(body.externalReference ? { externalReference: body.externalReference } : {}),
          referrer: body.referrer,
          parties: body.parties,
          receivedAt: receivedAt.toISOString(),
          contractVersion: referral.contractVersion,
        },
        subject: referral.id,
        organisationId: meta.organisationId,
        contractId: contract.id,
        sequence: referral.version,
        correlationId: meta.correlationId,
      });
      return toReferralView(referral, line.form);
    });
  }
}
