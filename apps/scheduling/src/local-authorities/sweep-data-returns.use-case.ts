import { Injectable, Logger } from '@nestjs/common';
import { londonDate } from '@mediation/calendar';
import { EventPublisher } from '@mediation/messaging';
import { Clock, TenantDirectory } from '@mediation/platform';
import { DataReturnMissingV1, DataReturnReminderDueV1, uuidv7 } from '@mediation/protocol';
import { SchedulingDatabase, type SchedulingTx } from '../database/scheduling.database';
import { fromDateColumn } from '../staff/staff.repository';
import { DEFAULT_DATA_RETURN_RULE, dueOn, expectedPeriods, reminderOn } from './data-return-calendar';
import { LocalAuthorityRepository, type LocalAuthorityRecord } from './local-authority.repository';

/**
 * Daily (08:00 London): for each local authority's monthly return not received, a reminder to its contact
 * from the reminder day to the due day, and a missing notice once the due day has passed. Each goes once
 * (a `data_return_notice` row commits with its event), never for a return already received (the authority
 * is locked, as recording a return locks it), and no reminder after the due day. A month due before the
 * authority was added to the platform is reported missing without chasing anyone (`contact: null`).
 */
@Injectable()
export class SweepDataReturnsUseCase {
  private readonly logger = new Logger('DataReturns');

  constructor(
    private readonly db: SchedulingDatabase,
    private readonly tenants: TenantDirectory,
    private readonly authorities: LocalAuthorityRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<{ reminded: number; missing: number }> {
    const now = this.clock.now();
    const totals = { reminded: 0, missing: 0 };
    for (const organisationId of await this.tenants.organisationIds()) {
      const authorities = await this.db.forTenant(organisationId, (tx) => this.authorities.listAll(tx, organisationId));
      for (const authority of authorities) {
        const sent = await this.db.forTenant(organisationId, (tx) => this.sweepOne(tx, authority, now));
        totals.reminded += sent.reminded;
        totals.missing += sent.missing;
      }
    }
    if (totals.reminded + totals.missing > 0) this.logger.log(`data returns: ${totals.reminded} reminder(s), ${totals.missing} missing notice(s)`);
    return totals;
  }

  private async sweepOne(tx: SchedulingTx, found: LocalAuthorityRecord, now: Date): Promise<{ reminded: number; missing: number }> {
    const sent = { reminded: 0, missing: 0 };
    const authority = await this.authorities.lock(tx, found.organisationId, found.contractId, found.id);
    if (!authority) return sent;
    const today = londonDate(now);
    const rule = (await this.authorities.rule(tx, authority.contractId)) ?? DEFAULT_DATA_RETURN_RULE;
    const received = new Set((await this.authorities.returnsOf(tx, authority.id)).map((r) => r.period));
    const onboardedOn = fromDateColumn(authority.onboardedOn);
    // The month under way too: a short rule may remind of it before it ends.
    const periods = [...expectedPeriods(onboardedOn, today), today.slice(0, 7)].filter((p, i, all) => p >= onboardedOn.slice(0, 7) && all.indexOf(p) === i);
    const base = { localAuthorityId: authority.id, contractId: authority.contractId, authorityKey: authority.key, name: authority.name };
    const contact = { name: authority.contactName, email: authority.contactEmail };
    const publish = { subject: authority.id, organisationId: authority.organisationId, contractId: authority.contractId, sequence: 1, correlationId: uuidv7() };
    for (const period of periods.filter((p) => !received.has(p))) {
      const due = dueOn(period, rule);
      const mark = (kind: 'reminder' | 'missing') =>
        this.authorities.markNotice(tx, { localAuthorityId: authority.id, period, kind, organisationId: authority.organisationId, sentAt: now });
      if (today > due) {
        if (!(await mark('missing'))) continue;
        const chased = due >= londonDate(authority.addedAt);
        await this.events.append(tx, {
          definition: DataReturnMissingV1,
          data: { ...base, period, dueOn: due, missingAt: now.toISOString(), contact: chased ? contact : null },
          ...publish,
        });
        sent.missing++;
      } else if (today >= reminderOn(period, rule)) {
        if (!(await mark('reminder'))) continue;
        await this.events.append(tx, { definition: DataReturnReminderDueV1, data: { ...base, period, dueOn: due, contact }, ...publish });
        sent.reminded++;
      }
    }
    return sent;
  }
}
