import { CaseOpenedV1 } from './casework.events';
import type { EventDefinition } from './define-event';
import { ContractPublishedV1, ContractPublishedV2, ReferralCaseLinkedV1, ReferralReceivedV1, ReferralReceivedV2 } from './intake.events';
import { DeliverySentV1 } from './notify.events';
import { DeadlineBreachedV1, DeadlineSetV1 } from './scheduling.events';

/** Every event type on the backbone. Publishing or consuming a type missing here fails at boot. */
export const EVENT_CATALOG: readonly EventDefinition[] = [
  ReferralReceivedV1,
  ReferralReceivedV2,
  ReferralCaseLinkedV1,
  ContractPublishedV1,
  ContractPublishedV2,
  CaseOpenedV1,
  DeadlineSetV1,
  DeadlineBreachedV1,
  DeliverySentV1,
];

const byType = new Map(EVENT_CATALOG.map((definition) => [definition.type, definition]));

export function findEventDefinition(type: string): EventDefinition | undefined {
  return byType.get(type);
}
