import { Injectable } from '@nestjs/common';
import { parseOrThrow } from '@mediation/platform';
import { ContractDefinitionSchema, type ContractDetailView, type CreateContractBody, type RpcMeta } from '@mediation/protocol';
import { findTemplate } from '../templates/template-registry';
import { contractFromTemplate } from './contract-from-template';
import { ContractRevisions } from './contract-revisions';

@Injectable()
export class CreateContractUseCase {
  constructor(private readonly revisions: ContractRevisions) {}

  execute(meta: RpcMeta, body: CreateContractBody): Promise<ContractDetailView> {
    const definition = parseOrThrow(ContractDefinitionSchema, contractFromTemplate(findTemplate(body.template), body));
    return this.revisions.create(meta, definition, { template: body.template, publish: body.publish });
  }
}
