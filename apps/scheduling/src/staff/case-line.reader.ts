import { Injectable } from '@nestjs/common';
import { ContractBook } from '@mediation/contract-book';
import { ProblemError } from '@mediation/platform';
import type { CaseContext, RpcMeta, ServiceLine } from '@mediation/protocol';
import { CaseFileRepository } from '../case-files/case-file.repository';
import type { SchedulingTx } from '../database/scheduling.database';

export interface CaseLine {
  contractId: string;
  serviceLine: string;
  version: number | null;
  line: ServiceLine;
}

/** The service line a case runs under: scheduling's own case file, when it has one, is the authority on its contract version; else what the gateway read from casework. */
@Injectable()
export class CaseLineReader {
  constructor(
    private readonly files: CaseFileRepository,
    private readonly book: ContractBook,
  ) {}

  async read(tx: SchedulingTx, meta: RpcMeta, context: CaseContext): Promise<CaseLine> {
    const file = await this.files.find(tx, meta.organisationId, context.caseId);
    const at = {
      contractId: file?.contractId ?? context.contractId,
      serviceLine: file?.serviceLine ?? context.serviceLine,
      version: file?.contractVersion ?? context.contractVersion,
    };
    const line = await this.book.line(
      tx,
      { organisationId: meta.organisationId, contractId: at.contractId, contractVersion: at.version, serviceLine: at.serviceLine },
      meta.correlationId,
    );
    if (!line) throw ProblemError.conflict(`Scheduling does not know service line "${at.serviceLine}" of contract ${at.contractId} yet; try again shortly.`);
    return { ...at, line };
  }
}
