import { Injectable } from '@nestjs/common';
import { EventConsumer } from '@mediation/messaging';
import { ActivityDeliveredV1, DataReturnMissingV1, DataReturnReceivedV1, LocalAuthorityOnboardedV1, type EventDefinition } from '@mediation/protocol';
import { EventFactHandler, type FactEnvelope } from '../facts/fact-handler';
import { RecordProgrammeFactUseCase, type ProgrammeFact } from './record-programme-fact.use-case';

/*
 * One handler per programme event, its inbox rows named `kpi-<type>` like the case facts': each turns its
 * event into one fact. Kept: ids, keys, the authority's name, days and counts; never a contact or attendee.
 */
type Envelope<D extends EventDefinition> = FactEnvelope<D>;

@Injectable()
abstract class ProgrammeFactHandler<D extends EventDefinition> extends EventFactHandler<D, ProgrammeFact> {
  constructor(record: RecordProgrammeFactUseCase) {
    super(record);
  }
}

@Injectable()
@EventConsumer()
export class ActivityDeliveredFact extends ProgrammeFactHandler<typeof ActivityDeliveredV1> {
  readonly consumes = ActivityDeliveredV1;
  fact({ organisationid, data }: Envelope<typeof ActivityDeliveredV1>): ProgrammeFact {
    const { activityId, contractId, serviceLine, activityType, milestone, deliveredAt, servedOrganisationKey, totalAttendees, attendance } = data;
    return {
      kind: 'activity-delivered',
      data: {
        organisationId: organisationid,
        activityId,
        contractId,
        serviceLine,
        activityType,
        milestone,
        deliveredAt,
        authorityKey: servedOrganisationKey,
        totalAttendees,
        attendance,
      },
    };
  }
}

@Injectable()
@EventConsumer()
export class LocalAuthorityOnboardedFact extends ProgrammeFactHandler<typeof LocalAuthorityOnboardedV1> {
  readonly consumes = LocalAuthorityOnboardedV1;
  fact({ organisationid, data }: Envelope<typeof LocalAuthorityOnboardedV1>): ProgrammeFact {
    const { localAuthorityId, contractId, authorityKey, name, onboardedOn } = data;
    return { kind: 'local-authority-onboarded', data: { organisationId: organisationid, localAuthorityId, contractId, authorityKey, name, onboardedOn } };
  }
}

@Injectable()
@EventConsumer()
export class DataReturnReceivedFact extends ProgrammeFactHandler<typeof DataReturnReceivedV1> {
  readonly consumes = DataReturnReceivedV1;
  fact({ organisationid, data }: Envelope<typeof DataReturnReceivedV1>): ProgrammeFact {
    const { localAuthorityId, contractId, authorityKey, period, dueOn, receivedOn, late } = data;
    return {
      kind: 'data-return-received',
      data: { organisationId: organisationid, localAuthorityId, contractId, authorityKey, period, dueOn, receivedOn, late },
    };
  }
}

@Injectable()
@EventConsumer()
export class DataReturnMissingFact extends ProgrammeFactHandler<typeof DataReturnMissingV1> {
  readonly consumes = DataReturnMissingV1;
  fact({ organisationid, data }: Envelope<typeof DataReturnMissingV1>): ProgrammeFact {
    const { localAuthorityId, contractId, authorityKey, period, dueOn, missingAt } = data;
    return { kind: 'data-return-missing', data: { organisationId: organisationid, localAuthorityId, contractId, authorityKey, period, dueOn, missingAt } };
  }
}

export const PROGRAMME_FACT_HANDLERS = [ActivityDeliveredFact, LocalAuthorityOnboardedFact, DataReturnReceivedFact, DataReturnMissingFact];
