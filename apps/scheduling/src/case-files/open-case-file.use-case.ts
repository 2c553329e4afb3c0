import { Injectable } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import type { CaseOpenedV2, EventData, EventEnvelope } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { ServiceLineRulesReader } from '../deadlines/service-line-rules';
import { openingStart } from '../deadlines/deadline-clock';
import { StartDeadlinesUseCase } from '../deadlines/start-deadlines.use-case';
import { CaseFileRepository } from './case-file.repository';

/** The clocks a case's opening starts at once. */
const OPENING_EVENTS = ['referral.received', 'case.opened'];

/** A case opened: scheduling keeps the facts its clocks need, and starts the clocks the referral and the opening start. */
@Injectable()
export class OpenCaseFileUseCase {
  constructor(
    private readonly files: CaseFileRepository,
    private readonly rules: ServiceLineRulesReader,
    private readonly start: StartDeadlinesUseCase,
  ) {}

  async execute(tx: SchedulingTx, opened: EventEnvelope<EventData<typeof CaseOpenedV2>>, context: HandlerContext): Promise<void> {
    const d = opened.data;
    const file = await this.files.createUnlessExists(tx, {
      caseId: d.caseId,
      organisationId: opened.organisationid,
      contractId: d.contractId,
      contractVersion: d.contractVersion,
      serviceLine: d.serviceLine,
      reference: d.reference,
      receivedAt: new Date(d.receivedAt),
      clockStartsAt: new Date(d.clockStartsAt),
      openedAt: new Date(d.openedAt),
      dates: d.dates,
    });
    if (!file) return;
    const lines = await this.rules.read(tx, { ...file, correlationId: opened.correlationid });
    const cause = { correlationId: opened.correlationid, causationId: opened.id };
    for (const event of OPENING_EVENTS) {
      await this.start.execute(tx, file, lines, { event, at: (rule) => openingStart(rule, file), fresh: true }, cause, context);
    }
  }
}
