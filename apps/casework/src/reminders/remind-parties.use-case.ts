import { Injectable, Logger } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { Clock } from '@mediation/platform';
import { PartyReminderIssuedV1, uuidv7, type DeadlineDueSoonV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import { PartyContacts } from '../contact/party-contacts';
import type { CaseworkTx } from '../database/casework.database';
import { PartyReminderRepository } from './party-reminder.repository';
import { partiesToRemind } from './parties-to-remind';

type DueSoon = EventData<typeof DeadlineDueSoonV1>;

/**
 * Which reminder of the deadline this is, and of which date: the same reminder of the same date is one
 * reminder whatever the redelivery or revision (a deadline moved and moved back tells nothing new); a
 * deadline moved to another date is reminded of that date. An event from before `reminder` existed is known by its time.
 */
const reminderKey = (due: Pick<DueSoon, 'reminder' | 'remindedAt' | 'dueAt'>) =>
  due.reminder !== undefined ? `n${due.reminder}-${new Date(due.dueAt).toISOString()}` : `at-${due.remindedAt}`;

/**
 * A deadline reminder meant for the parties: casework, which holds the parties and their contact
 * preferences, issues it to each one of the rule's roles the contact rule lets it email (and logs each
 * refusal on the case), once per deadline, reminder and recipient (two parties sharing an address get one
 * email); notify sends it. A date already passed is never reminded.
 */
@Injectable()
export class RemindPartiesUseCase {
  private readonly logger = new Logger(RemindPartiesUseCase.name);

  constructor(
    private readonly reminders: PartyReminderRepository,
    private readonly contacts: PartyContacts,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(tx: CaseworkTx, event: EventEnvelope<DueSoon>): Promise<number> {
    const due = event.data;
    if (!due.audience.includes('parties')) return 0;
    if (new Date(due.dueAt).getTime() <= this.clock.now().getTime()) {
      this.logger.debug(`deadline ${due.deadlineId}: due ${due.dueAt}, already passed; no party reminded`);
      return 0;
    }
    const organisationId = event.organisationid;
    const found = await this.reminders.caseOf(tx, organisationId, due.caseId);
    if (!found) {
      this.logger.debug(`deadline ${due.deadlineId}: case ${due.caseId} not found, no party reminded`);
      return 0;
    }
    const key = reminderKey(due);
    const meantFor = partiesToRemind(await this.reminders.partiesOf(tx, organisationId, due.caseId), due.partyRoles);
    const chosen = oncePerAddress(
      await this.contacts.recipients(tx, found, meantFor, {
        message: 'deadline-reminder',
        key: `reminder:${due.deadlineId}:${key}`,
        correlationId: event.correlationid,
        causationId: event.id,
      }),
    );
    if (chosen.length === 0) return 0;
    const contact = await this.reminders.caseManagerOf(tx, organisationId, due.caseId);
    const issuedAt = this.clock.now();
    let issued = 0;
    for (const party of chosen) {
      const id = uuidv7();
      if (
        !(await this.reminders.issueOnce(tx, {
          id,
          organisationId,
          caseId: due.caseId,
          deadlineId: due.deadlineId,
          reminderKey: key,
          partyId: party.id,
          issuedAt,
          rule: due.rule,
          label: due.label,
          dueAt: new Date(due.dueAt),
        }))
      )
        continue;
      await this.events.append(tx, {
        definition: PartyReminderIssuedV1,
        data: {
          caseId: due.caseId,
          contractId: found.contractId,
          partyId: party.id,
          deadlineId: due.deadlineId,
          rule: due.rule,
          label: due.label,
          dueAt: due.dueAt,
          email: party.email,
          name: party.name,
          reference: found.reference,
          contact,
        },
        subject: id,
        organisationId,
        contractId: found.contractId,
        sequence: 1,
        correlationId: event.correlationid,
        causationId: event.id,
      });
      issued += 1;
    }
    return issued;
  }
}

/** The first party of each address: one email per recipient, however many parties share it. */
function oncePerAddress<P extends { email: string }>(parties: readonly P[]): P[] {
  const seen = new Set<string>();
  return parties.filter((p) => {
    const address = p.email.trim().toLowerCase();
    if (seen.has(address)) return false;
    seen.add(address);
    return true;
  });
}
