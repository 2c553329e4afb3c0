import { Injectable } from '@nestjs/common';
import { activityTypeOf, ContractBook } from '@mediation/contract-book';
import { EventPublisher } from '@mediation/messaging';
import { londonDate } from '@mediation/calendar';
import { Clock, parseOrThrow, ProblemError } from '@mediation/platform';
import {
  ActivityDeliveredV1,
  ActivityViewSchema,
  compileForm,
  ReferralFormSchema,
  inContractScope,
  uuidv7,
  type ActivityView,
  type RecordActivityBody,
  type RpcMeta,
} from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { StaffRepository } from '../staff/staff.repository';
import type { Prisma } from '../generated/prisma/client';
import { ActivityRepository, type ActivityRecord } from './activity.repository';

/** "Kent County Council" -> `kent-county-council`: the authority as the KPIs count it, whatever its capitals or spacing. */
export const organisationKey = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Records a programme activity delivered under a contract, outside any case: its type is a session type
 * of the contract's line (seed 002's pre-CMH line: `workshop`, `drop-in`), its facilitators staff of the
 * organisation, its answers those its type's form asks (SetActivityFormUseCase), and it publishes `scheduling.activity.delivered.v1` with the type's milestone, the event
 * the line's KPIs count (`workshop.delivered`), by the organisation served.
 */
@Injectable()
export class RecordActivityUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly activities: ActivityRepository,
    private readonly staff: StaffRepository,
    private readonly book: ContractBook,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, contractId: string, body: RecordActivityBody): Promise<ActivityView> {
    if (!inContractScope(meta, contractId)) throw ProblemError.notFound('contract', contractId);
    return this.db.forTenant(meta, async (tx) => {
      const now = this.clock.now();
      // Another organisation's staff are refused before anything else is looked at.
      const found = new Set((await this.staff.findMany(tx, meta.organisationId, body.facilitatorIds)).map((s) => s.id));
      const missing = body.facilitatorIds.flatMap((id, i) =>
        found.has(id) ? [] : [{ field: `facilitatorIds.${i}`, message: `no member of staff ${id} in your organisation` }],
      );
      if (missing.length > 0) throw ProblemError.validation(missing);
      const contract = await this.book.latest(tx, meta.organisationId, contractId, meta.correlationId);
      if (!contract) throw ProblemError.notFound('contract', contractId);
      const { line, type } = activityTypeOf(contract.definition, body.serviceLine, body.activityType);
      if (new Date(body.deliveredAt) > now)
        throw ProblemError.validation([{ field: 'deliveredAt', message: 'must not be in the future: record an activity once delivered' }]);
      // The type's own form (per-contract data): its answers are checked as a referral's are, naming `answers.<field>`.
      const form = await this.activities.findForm(tx, contractId, line.key, type.key);
      const fields = form ? ReferralFormSchema.parse({ fields: form.fields }).fields : [];
      const answers = parseOrThrow(compileForm({ fields }, { now, today: londonDate(now) }), body.answers, 'answers') as Record<string, unknown>;
      const total = body.attendance.reduce((sum, a) => sum + a.count, 0);
      const row = await this.activities.create(tx, {
        id: uuidv7(),
        organisationId: meta.organisationId,
        contractId,
        serviceLine: line.key,
        activityType: type.key,
        activityLabel: type.label,
        milestone: type.heldMilestone ?? null,
        deliveredAt: new Date(body.deliveredAt),
        place: body.place,
        facilitatorIds: body.facilitatorIds,
        servedOrganisation: body.servedOrganisation,
        attendance: body.attendance,
        totalAttendees: total,
        namedAttendees: body.namesConsented ? body.namedAttendees : [],
        answers: answers as Prisma.InputJsonObject,
        recordedAt: now,
        recordedBy: meta.actorId,
      });
      await this.events.append(tx, {
        definition: ActivityDeliveredV1,
        data: {
          activityId: row.id,
          contractId,
          serviceLine: row.serviceLine,
          activityType: row.activityType,
          milestone: row.milestone,
          deliveredAt: row.deliveredAt.toISOString(),
          servedOrganisationKey: organisationKey(row.servedOrganisation),
          attendance: body.attendance,
          totalAttendees: total,
        },
        subject: row.id,
        organisationId: meta.organisationId,
        contractId,
        sequence: 1,
        correlationId: meta.correlationId,
      });
      return toActivityView(row);
    });
  }
}

export function toActivityView(row: ActivityRecord): ActivityView {
  return ActivityViewSchema.parse({
    ...row,
    deliveredAt: row.deliveredAt.toISOString(),
    recordedAt: row.recordedAt.toISOString(),
  });
}
