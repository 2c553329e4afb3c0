import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { ProblemError } from '@mediation/platform';
import { ContractPublishedV1, uuidv7, type ContractView, type CreateContractBody, type RpcMeta } from '@mediation/protocol';
import { IntakeDatabase } from '../database/intake.database';
import { ContractRepository } from './contract.repository';
import { toContractView } from './contract.view';

@Injectable()
export class CreateContractUseCase {
  constructor(
    private readonly db: IntakeDatabase,
    private readonly contracts: ContractRepository,
    private readonly events: EventPublisher,
  ) {}

  async execute(meta: RpcMeta, body: CreateContractBody): Promise<ContractView> {
    const duplicate = () => ProblemError.conflict(`A contract with reference ${body.reference} already exists in your organisation.`);
    if (await this.contracts.findByReference(meta.organisationId, body.reference)) throw duplicate();
    try {
      return await this.db.run(async (tx) => {
        const contract = await this.contracts.create(tx, { id: uuidv7(), organisationId: meta.organisationId, ...body, status: 'active', version: 1 });
        await this.events.append(tx, {
          definition: ContractPublishedV1,
          data: { contractId: contract.id, reference: contract.reference, title: contract.title, template: contract.template, version: contract.version },
          subject: contract.id,
          organisationId: contract.organisationId,
          contractId: contract.id,
          sequence: contract.version,
          correlationId: meta.correlationId,
        });
        return toContractView(contract);
      });
    } catch (error) {
      // Two requests raced past the check above; the unique index decided.
      if ((error as { code?: string }).code === 'P2002') throw duplicate();
      throw error;
    }
  }
}
