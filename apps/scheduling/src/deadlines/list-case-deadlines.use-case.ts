import { Injectable } from '@nestjs/common';
import type { RpcMeta } from '@mediation/protocol';
import { DeadlineRepository } from './deadline.repository';
import { toDeadlineView } from './deadline.view';

@Injectable()
export class ListCaseDeadlinesUseCase {
  constructor(private readonly deadlines: DeadlineRepository) {}

  async execute(meta: RpcMeta, caseId: string) {
    return { items: (await this.deadlines.listForCase(meta.organisationId, caseId)).map(toDeadlineView) };
  }
}
