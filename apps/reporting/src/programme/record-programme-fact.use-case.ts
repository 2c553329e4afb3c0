import { Injectable } from '@nestjs/common';
import type { ReportingTx } from '../database/reporting.database';
import { ProgrammeFactsRepository } from './programme-facts.repository';

/** The programme facts the read model keeps, each named after the event that states it. */
export type ProgrammeFact =
  | { kind: 'activity-delivered'; data: Parameters<ProgrammeFactsRepository['activity']>[1] }
  | { kind: 'local-authority-onboarded'; data: Parameters<ProgrammeFactsRepository['localAuthority']>[1] }
  | { kind: 'data-return-received'; data: Parameters<ProgrammeFactsRepository['dataReturnReceived']>[1] }
  | { kind: 'data-return-missing'; data: Parameters<ProgrammeFactsRepository['dataReturnMissing']>[1] };

/** Records one programme fact inside the consumer's transaction (the inbox row commits with it). */
@Injectable()
export class RecordProgrammeFactUseCase {
  constructor(private readonly facts: ProgrammeFactsRepository) {}

  execute(tx: ReportingTx, fact: ProgrammeFact): Promise<void> {
    switch (fact.kind) {
      case 'activity-delivered':
        return this.facts.activity(tx, fact.data);
      case 'local-authority-onboarded':
        return this.facts.localAuthority(tx, fact.data);
      case 'data-return-received':
        return this.facts.dataReturnReceived(tx, fact.data);
      case 'data-return-missing':
        return this.facts.dataReturnMissing(tx, fact.data);
    }
  }
}
