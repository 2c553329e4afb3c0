import { Injectable } from '@nestjs/common';
import { EventConsumer } from '@mediation/messaging';
import {
  CaseClosedV1,
  CaseEndedV1,
  CaseMilestoneV1,
  CaseOpenedV2,
  CaseReopenedV1,
  ComplaintAcknowledgedV1,
  ComplaintReceivedV1,
  ComplaintResolvedV1,
  DeadlineBreachCorrectedV1,
  DeadlineBreachedV1,
  DeadlineCancelledV1,
  DeadlineMetV1,
  DeadlineRescheduledV1,
  DeadlineSetV1,
  MultiAgencyRecordedV1,
  MultiAgencyUpdatedV1,
  SurveyAnsweredV1,
  type EventDefinition,
} from '@mediation/protocol';
import { EventFactHandler, type FactEnvelope } from './fact-handler';
import { RecordFactUseCase, type Fact } from './record-fact.use-case';

/*
 * One handler per event type, its inbox rows named `kpi-<type>` so they never mix with the summary counters':
 * each turns its event into one fact of the KPI read model. No personal data is kept: ids, keys, times, flags.
 */
type Envelope<D extends EventDefinition> = FactEnvelope<D>;

@Injectable()
abstract class FactHandler<D extends EventDefinition> extends EventFactHandler<D, Fact> {
  constructor(record: RecordFactUseCase) {
    super(record);
  }
}

@Injectable()
@EventConsumer()
export class CaseOpenedFact extends FactHandler<typeof CaseOpenedV2> {
  readonly consumes = CaseOpenedV2;
  fact({ organisationid, data }: Envelope<typeof CaseOpenedV2>): Fact {
    return {
      kind: 'case-opened',
      data: {
        organisationId: organisationid,
        caseId: data.caseId,
        contractId: data.contractId,
        contractVersion: data.contractVersion,
        serviceLine: data.serviceLine,
        reference: data.reference,
        receivedAt: data.receivedAt,
        openedAt: data.openedAt,
      },
    };
  }
}

@Injectable()
@EventConsumer()
export class CaseClosedFact extends FactHandler<typeof CaseClosedV1> {
  readonly consumes = CaseClosedV1;
  fact({ organisationid, data }: Envelope<typeof CaseClosedV1>): Fact {
    const { caseId, closedAt, outcome, outcomeExpected } = data;
    return { kind: 'case-closed', data: { organisationId: organisationid, caseId, closedAt, outcome, outcomeExpected } };
  }
}

@Injectable()
@EventConsumer()
export class CaseReopenedFact extends FactHandler<typeof CaseReopenedV1> {
  readonly consumes = CaseReopenedV1;
  fact({ organisationid, data }: Envelope<typeof CaseReopenedV1>): Fact {
    // The reason (free text) is not kept.
    return {
      kind: 'case-reopened',
      data: { organisationId: organisationid, caseId: data.caseId, reopenedAt: data.reopenedAt, previouslyClosedAt: data.previouslyClosedAt },
    };
  }
}

@Injectable()
@EventConsumer()
export class CaseEndedFact extends FactHandler<typeof CaseEndedV1> {
  readonly consumes = CaseEndedV1;
  fact({ organisationid, data }: Envelope<typeof CaseEndedV1>): Fact {
    return { kind: 'case-ended', data: { organisationId: organisationid, caseId: data.caseId, endedAt: data.endedAt, status: data.status } };
  }
}

const deadlineRef = (e: { organisationid: string; data: { deadlineId: string; caseId: string; rule: string } }) => ({
  organisationId: e.organisationid,
  deadlineId: e.data.deadlineId,
  caseId: e.data.caseId,
  rule: e.data.rule,
});

@Injectable()
@EventConsumer()
export class DeadlineSetFact extends FactHandler<typeof DeadlineSetV1> {
  readonly consumes = DeadlineSetV1;
  fact(e: Envelope<typeof DeadlineSetV1>): Fact {
    // An informational clock (the family's appeal date) is never met or breached by the provider: not a KPI's business.
    return { kind: 'deadline-due', data: { ...deadlineRef(e), dueAt: e.data.kind === 'informational' ? null : e.data.dueAt, sequence: e.sequence } };
  }
}

@Injectable()
@EventConsumer()
export class DeadlineRescheduledFact extends FactHandler<typeof DeadlineRescheduledV1> {
  readonly consumes = DeadlineRescheduledV1;
  fact(e: Envelope<typeof DeadlineRescheduledV1>): Fact {
    return { kind: 'deadline-due', data: { ...deadlineRef(e), dueAt: e.data.dueAt, sequence: e.sequence } };
  }
}

@Injectable()
@EventConsumer()
export class DeadlineMetFact extends FactHandler<typeof DeadlineMetV1> {
  readonly consumes = DeadlineMetV1;
  fact(e: Envelope<typeof DeadlineMetV1>): Fact {
    return { kind: 'deadline-met', data: { ...deadlineRef(e), metAt: e.data.metAt, late: e.data.late } };
  }
}

@Injectable()
@EventConsumer()
export class DeadlineBreachedFact extends FactHandler<typeof DeadlineBreachedV1> {
  readonly consumes = DeadlineBreachedV1;
  fact(e: Envelope<typeof DeadlineBreachedV1>): Fact {
    return { kind: 'deadline-breached', data: { ...deadlineRef(e), breachedAt: e.data.breachedAt } };
  }
}

@Injectable()
@EventConsumer()
export class DeadlineCancelledFact extends FactHandler<typeof DeadlineCancelledV1> {
  readonly consumes = DeadlineCancelledV1;
  fact(e: Envelope<typeof DeadlineCancelledV1>): Fact {
    return { kind: 'deadline-cancelled', data: { ...deadlineRef(e), cancelledAt: e.data.cancelledAt } };
  }
}

@Injectable()
@EventConsumer()
export class DeadlineCorrectedFact extends FactHandler<typeof DeadlineBreachCorrectedV1> {
  readonly consumes = DeadlineBreachCorrectedV1;
  fact(e: Envelope<typeof DeadlineBreachCorrectedV1>): Fact {
    return { kind: 'deadline-corrected', data: { ...deadlineRef(e), now: e.data.now } };
  }
}

@Injectable()
@EventConsumer()
export class MultiAgencyRecordedFact extends FactHandler<typeof MultiAgencyRecordedV1> {
  readonly consumes = MultiAgencyRecordedV1;
  fact({ organisationid, data }: Envelope<typeof MultiAgencyRecordedV1>): Fact {
    return {
      kind: 'multi-agency',
      data: { organisationId: organisationid, caseId: data.caseId, involvementId: data.involvementId, from: data.from, to: data.to },
    };
  }
}

@Injectable()
@EventConsumer()
export class MultiAgencyUpdatedFact extends FactHandler<typeof MultiAgencyUpdatedV1> {
  readonly consumes = MultiAgencyUpdatedV1;
  fact({ organisationid, data }: Envelope<typeof MultiAgencyUpdatedV1>): Fact {
    return {
      kind: 'multi-agency',
      data: { organisationId: organisationid, caseId: data.caseId, involvementId: data.involvementId, from: data.from, to: data.to },
    };
  }
}

@Injectable()
@EventConsumer()
export class MilestoneFact extends FactHandler<typeof CaseMilestoneV1> {
  readonly consumes = CaseMilestoneV1;
  fact({ id, organisationid, data }: Envelope<typeof CaseMilestoneV1>): Fact {
    return {
      kind: 'milestone',
      data: { organisationId: organisationid, eventId: id, caseId: data.caseId, milestone: data.milestone, occurredAt: data.occurredAt },
    };
  }
}

@Injectable()
@EventConsumer()
export class SurveyAnsweredFact extends FactHandler<typeof SurveyAnsweredV1> {
  readonly consumes = SurveyAnsweredV1;
  fact({ organisationid, data }: Envelope<typeof SurveyAnsweredV1>): Fact {
    return {
      kind: 'survey-answered',
      data: {
        organisationId: organisationid,
        invitationId: data.invitationId,
        caseId: data.caseId,
        answeredAt: data.answeredAt,
        scores: data.scores,
        flags: data.flags,
      },
    };
  }
}

const complaintRef = (e: { organisationid: string; data: { complaintId: string; caseId: string } }) => ({
  organisationId: e.organisationid,
  complaintId: e.data.complaintId,
  caseId: e.data.caseId,
});

/** Complaints keep their dates only (never who complains or what about): the pack counts them against the policy's timescales. */
@Injectable()
@EventConsumer()
export class ComplaintReceivedFact extends FactHandler<typeof ComplaintReceivedV1> {
  readonly consumes = ComplaintReceivedV1;
  fact(e: Envelope<typeof ComplaintReceivedV1>): Fact {
    const { receivedAt, acknowledgeBy, respondBy } = e.data;
    return { kind: 'complaint-received', data: { ...complaintRef(e), receivedAt, acknowledgeBy: acknowledgeBy ?? null, respondBy: respondBy ?? null } };
  }
}

@Injectable()
@EventConsumer()
export class ComplaintAcknowledgedFact extends FactHandler<typeof ComplaintAcknowledgedV1> {
  readonly consumes = ComplaintAcknowledgedV1;
  fact(e: Envelope<typeof ComplaintAcknowledgedV1>): Fact {
    const { receivedAt, acknowledgedAt, acknowledgedLate, respondBy } = e.data;
    return {
      kind: 'complaint-acknowledged',
      data: { ...complaintRef(e), receivedAt, acknowledgedAt, late: acknowledgedLate ?? null, respondBy: respondBy ?? null },
    };
  }
}

@Injectable()
@EventConsumer()
export class ComplaintResolvedFact extends FactHandler<typeof ComplaintResolvedV1> {
  readonly consumes = ComplaintResolvedV1;
  fact(e: Envelope<typeof ComplaintResolvedV1>): Fact {
    const { receivedAt, resolvedAt, finding } = e.data;
    return { kind: 'complaint-resolved', data: { ...complaintRef(e), receivedAt, resolvedAt, finding } };
  }
}

export const FACT_HANDLERS = [
  CaseOpenedFact,
  CaseClosedFact,
  CaseReopenedFact,
  CaseEndedFact,
  DeadlineSetFact,
  DeadlineRescheduledFact,
  DeadlineMetFact,
  DeadlineBreachedFact,
  DeadlineCancelledFact,
  DeadlineCorrectedFact,
  MultiAgencyRecordedFact,
  MultiAgencyUpdatedFact,
  MilestoneFact,
  SurveyAnsweredFact,
  ComplaintReceivedFact,
  ComplaintAcknowledgedFact,
  ComplaintResolvedFact,
];
